#include "throughput_chart.h"

#include "display_format.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

constexpr Qt::PenStyle kStyles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                                    Qt::DashDotDotLine};

struct Unit {
    double factor;
    const char* name;
};

Unit unitFor(double bytesPerSecond) {
    if (bytesPerSecond >= 1024.0 * 1024.0) {
        return {1024.0 * 1024.0, QT_TRANSLATE_NOOP("ThroughputChart", "MB/s")};
    }
    if (bytesPerSecond >= 1024.0) {
        return {1024.0, QT_TRANSLATE_NOOP("ThroughputChart", "kB/s")};
    }
    return {1.0, QT_TRANSLATE_NOOP("ThroughputChart", "bytes/s")};
}

} // namespace

ThroughputChart::ThroughputChart(QWidget* parent)
    : QChartView(parent), timeAxis_(new QValueAxis), rateAxis_(new QValueAxis) {
    auto* chart = new QChart;
    chart->setTitle(tr("Throughput per path"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    // Legend entries drawn as the lines themselves: the dash pattern tells
    // the paths apart without relying on colour.
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart->addAxis(timeAxis_, Qt::AlignBottom);
    chart->addAxis(rateAxis_, Qt::AlignLeft);
    timeAxis_->setRange(-kSecondsShown, 0);
    timeAxis_->setLabelFormat(QStringLiteral("%d"));
    // Ticks every 10 seconds counted from now, whatever span is shown.
    timeAxis_->setTickType(QValueAxis::TicksDynamic);
    timeAxis_->setTickAnchor(0);
    timeAxis_->setTickInterval(10);
    timeAxis_->setTitleText(tr("seconds ago"));
    rateAxis_->setRange(0, 1);
    rateAxis_->setLabelFormat(QStringLiteral("%.0f"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Throughput chart"));
    setMinimumHeight(220);
}

void ThroughputChart::addSample(const ConnectionList& connections, const ThroughputSampler& sampler,
                                qint64 milliseconds) {
    latest_ = milliseconds;
    const double oldest = static_cast<double>(milliseconds - kSecondsShown * 1000);
    QSet<SubflowKey> present;
    subflowsOfToken_.clear();
    for (const auto& connection : connections) {
        QList<SubflowKey>& keys = subflowsOfToken_[connection.token];
        for (const auto& subflow : connection.subflows) {
            const SubflowKey key = SubflowKey::of(subflow);
            keys.append(key);
            present.insert(key);
            History& history = histories_[key];
            // A socket keeps its addresses and interface: label it once.
            if (history.label.isEmpty()) {
                history.label =
                    subflow.ifname.isEmpty()
                        ? tr("%1 → %2").arg(subflow.localAddress, subflow.remoteAddress)
                        : tr("%1: %2 → %3")
                              .arg(subflow.ifname, subflow.localAddress, subflow.remoteAddress);
            }
            if (const auto rate = sampler.rate(key)) {
                history.points.append(QPointF(static_cast<double>(milliseconds), rate->total()));
            }
            while (!history.points.isEmpty() && history.points.first().x() < oldest) {
                history.points.removeFirst();
            }
        }
    }
    // Closed paths are forgotten with their history.
    for (auto it = histories_.begin(); it != histories_.end();) {
        it = present.contains(it.key()) ? std::next(it) : histories_.erase(it);
    }
    redraw();
}

void ThroughputChart::showConnection(uint token) {
    if (token == token_) {
        return;
    }
    token_ = token;
    redraw();
}

int ThroughputChart::seriesCount() const {
    return static_cast<int>(chart()->series().size());
}

void ThroughputChart::redraw() {
    QChart* chart = this->chart();
    const QList<SubflowKey> keys = subflowsOfToken_.value(token_);
    double highest = 0;
    double earliest = static_cast<double>(latest_);
    for (const auto& key : keys) {
        for (const auto& point : histories_.value(key).points) {
            highest = std::max(highest, point.y());
            earliest = std::min(earliest, point.x());
        }
    }
    // Show what there is, from half a minute up to the whole history.
    const double span = (static_cast<double>(latest_) - earliest) / 1000.0;
    timeAxis_->setRange(-std::clamp(std::ceil(span / 10.0) * 10.0, 30.0, double(kSecondsShown)), 0);
    const Unit unit = unitFor(highest);
    // Series are rebuilt only when the set of paths changes; points every time.
    QList<QAbstractSeries*> series = chart->series();
    if (series.size() != keys.size()) {
        chart->removeAllSeries();
        for (int i = 0; i < keys.size(); ++i) {
            auto* line = new QLineSeries;
            chart->addSeries(line);
            line->attachAxis(timeAxis_);
            line->attachAxis(rateAxis_);
            QPen pen = line->pen();
            pen.setWidthF(2.5);
            pen.setStyle(kStyles[i % std::size(kStyles)]);
            line->setPen(pen);
        }
        series = chart->series();
    }
    for (int i = 0; i < keys.size(); ++i) {
        auto* line = static_cast<QLineSeries*>(series[i]);
        const History history = histories_.value(keys[i]);
        line->setName(history.label);
        QList<QPointF> points;
        points.reserve(history.points.size());
        for (const auto& point : history.points) {
            points.append(QPointF((point.x() - static_cast<double>(latest_)) / 1000.0,
                                  point.y() / unit.factor));
        }
        line->replace(points);
    }
    rateAxis_->setTitleText(tr(unit.name));
    rateAxis_->setRange(0, std::max(1.0, highest / unit.factor * 1.15));
    rateAxis_->applyNiceNumbers();
    chart->setTitle(keys.isEmpty() ? tr("Throughput per path: pick a connection above")
                                   : tr("Throughput per path"));
}
