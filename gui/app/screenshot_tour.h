// With MPTCP_SCREENSHOT_DIR set, the app visits every page once the helper
// has answered, saves a PNG of the window for each (plus the "Add endpoint"
// dialog and the tray icons), and quits. Used by tests/gui/screenshots.py.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class ManagerApp;

class ScreenshotTour : public QObject {
    Q_OBJECT

public:
    ScreenshotTour(ManagerApp& app, QString directory, QObject* parent = nullptr);

    void start();

signals:
    void finished(bool saved);

private:
    struct Step {
        int delayMilliseconds;
        std::function<void()> action;
    };

    void waitForHelper(int waited);
    void next();
    void save(QWidget* widget, const QString& name);
    void saveTrayIcons(const QString& name);

    ManagerApp& app_;
    QString directory_;
    QList<Step> steps_;
    bool allSaved_ = true;
};
