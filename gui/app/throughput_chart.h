// A live line chart of each path's throughput for one connection: one line
// per subflow, told apart by dash pattern and legend text as well as colour.
// Every sample of every subflow is kept for the last minutes, so picking
// another connection shows its history at once.
#pragma once

#include "subflow_key.h"
#include "throughput_sampler.h"

#include <QChartView>
#include <QHash>
#include <QList>
#include <QPointF>

class QLineSeries;
class QValueAxis;

class ThroughputChart : public QChartView {
    Q_OBJECT

public:
    static constexpr int kSecondsShown = 120;

    explicit ThroughputChart(QWidget* parent = nullptr);

    // One sample for every subflow of every connection.
    void addSample(const ConnectionList& connections, const ThroughputSampler& sampler,
                   qint64 milliseconds);
    // The connection whose paths are drawn; 0 for none.
    void showConnection(uint token);
    int seriesCount() const;

private:
    struct History {
        QString label;
        QList<QPointF> points; // (milliseconds, bytes per second)
    };

    void redraw();

    QHash<SubflowKey, History> histories_;
    QHash<uint, QList<SubflowKey>> subflowsOfToken_;
    uint token_ = 0;
    qint64 latest_ = 0;
    QValueAxis* timeAxis_;
    QValueAxis* rateAxis_;
};
