// The tray's state icons: drawn by the app when no icon theme has them, the
// theme's when it has (an icon theme may restyle the tray), with the count
// and the doctor's cross always drawn on top; and the SVGs the package
// installs for hicolor render like the drawn ones.
#include "state_icons.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QIcon>
#include <QTemporaryDir>
#include <QTest>

namespace {

QColor pixel(const QIcon& icon, int x, int y) {
    return icon.pixmap(48, 48).toImage().pixelColor(x, y);
}

// A theme directory holding `files` (name → SVG text) under scalable/status.
void writeTheme(const QString& root, const QString& name,
                const QList<QPair<QString, QByteArray>>& files) {
    const QString dir = root + QLatin1Char('/') + name;
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/scalable/status")));
    QFile index(dir + QStringLiteral("/index.theme"));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=" + name.toUtf8() +
                "\nDirectories=scalable/status\n\n[scalable/status]\nSize=48\nMinSize=8\n"
                "MaxSize=512\nType=Scalable\n");
    for (const auto& [file, svg] : files) {
        QFile out(dir + QStringLiteral("/scalable/status/") + file + QStringLiteral(".svg"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(svg);
    }
}

} // namespace

class TestStateIcons : public QObject {
    Q_OBJECT

    bool svgEngine_ = false;

private slots:
    void drawnWithoutATheme() {
        QIcon::setThemeSearchPaths({});
        const QIcon idle = stateIcon(TrayCondition::Idle);
        QCOMPARE(pixel(idle, 24, 24), QColor(0x4b, 0x55, 0x63)); // the middle path
        QCOMPARE(pixel(idle, 2, 2).alpha(), 0);
    }

    void aThemeRestylesTheStateButNotTheBadges() {
        QTemporaryDir root;
        writeTheme(root.path(), QStringLiteral("restyled"),
                   {{QStringLiteral("mptcp-manager-idle"),
                     "<svg xmlns='http://www.w3.org/2000/svg' width='48' height='48'>"
                     "<rect width='48' height='48' fill='#0000ff'/></svg>"}});
        QIcon::setThemeSearchPaths({root.path()});
        QIcon::setThemeName(QStringLiteral("restyled"));
        const QIcon idle = stateIcon(TrayCondition::Idle, 0, true);
        if (pixel(idle, 2, 40) != QColor(0, 0, 255)) {
            QSKIP("no SVG icon engine (Debian: libqt6svg6): themed icons cannot render here");
        }
        svgEngine_ = true;
        QCOMPARE(pixel(idle, 24, 40), QColor(0, 0, 255));
        // The doctor's cross, top right, in its red.
        QCOMPARE(pixel(idle, 37, 3).red() > 150 && pixel(idle, 37, 3).blue() < 100, true);
        // A state the theme lacks is drawn.
        QCOMPARE(pixel(stateIcon(TrayCondition::Off), 2, 40).alpha(), 0);
    }

    void installedSvgsLookLikeTheDrawnIcons() {
        if (!svgEngine_) {
            QSKIP("no SVG icon engine (Debian: libqt6svg6)");
        }
        QIcon::setThemeSearchPaths({});
        const QList<QPair<TrayCondition, const char*>> states{
            {TrayCondition::Off, "mptcp-manager-off"},
            {TrayCondition::Idle, "mptcp-manager-idle"},
            {TrayCondition::Active, "mptcp-manager-active"},
            {TrayCondition::Degraded, "mptcp-manager-degraded"}};
        for (const auto& [condition, name] : states) {
            const QImage drawn = stateIcon(condition).pixmap(48, 48).toImage();
            const QImage themed =
                QIcon(QStringLiteral(MPTCP_ICON_DIR "/%1.svg").arg(QLatin1String(name)))
                    .pixmap(48, 48)
                    .toImage();
            QVERIFY2(!themed.isNull(), name);
            // Antialiasing differs a little; the pictures may not.
            int differing = 0;
            for (int y = 0; y < 48; ++y) {
                for (int x = 0; x < 48; ++x) {
                    const QColor a = drawn.pixelColor(x, y);
                    const QColor b = themed.pixelColor(x, y);
                    const int distance =
                        std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
                        std::abs(a.blue() - b.blue()) + std::abs(a.alpha() - b.alpha());
                    differing += distance > 96 ? 1 : 0;
                }
            }
            QVERIFY2(differing < 48 * 48 / 20,
                     qPrintable(QStringLiteral("state %1: %2 of 2304 pixels differ")
                                    .arg(int(condition))
                                    .arg(differing)));
        }
    }
};

QTEST_MAIN(TestStateIcons)
#include "icons_state.moc"
