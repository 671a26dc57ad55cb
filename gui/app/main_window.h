// The window: the status banner on top, the pages (Endpoints, Limits,
// Profiles, Connections, Activity, Doctor, Settings) picked from a list on
// the left, and a status bar that says what the helper and the kernel are
// doing.
#pragma once

#include <QMainWindow>

class ActivityPage;
class AppSettings;
class ConnectionsPage;
class DoctorPage;
class EndpointsPage;
class HelperSession;
class LimitsPage;
class ProfilesPage;
class QHeaderView;
class QLabel;
class QListWidget;
class QStackedWidget;
class SettingsPage;
class StatusBanner;
struct HelperStatus;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum Page {
        EndpointsPageIndex,
        LimitsPageIndex,
        ProfilesPageIndex,
        ConnectionsPageIndex,
        ActivityPageIndex,
        DoctorPageIndex,
        SettingsPageIndex,
        PageCount
    };

    MainWindow(HelperSession& session, AppSettings& settings, QWidget* parent = nullptr);

    void showPage(int page);
    int currentPage() const;
    QString pageName(int page) const;
    // With a tray, closing the window only hides it; this makes it close for good.
    void setKeepRunningInTray(bool keep) { keepRunningInTray_ = keep; }
    // Geometry and column layout into the settings (also done on close).
    void saveViewState();

    StatusBanner* banner() const { return banner_; }
    EndpointsPage* endpointsPage() const { return endpoints_; }
    LimitsPage* limitsPage() const { return limits_; }
    ConnectionsPage* connectionsPage() const { return connections_; }
    ActivityPage* activityPage() const { return activity_; }
    ProfilesPage* profilesPage() const { return profiles_; }
    DoctorPage* doctorPage() const { return doctor_; }
    SettingsPage* settingsPage() const { return settingsPage_; }

signals:
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void onStatus(const HelperStatus& status);
    void buildMenus();
    void showMessage(const QString& text);
    void restoreViews();
    QList<QPair<QString, QHeaderView*>> views() const;

    HelperSession& session_;
    AppSettings& settings_;
    StatusBanner* banner_;
    QListWidget* navigation_;
    QStackedWidget* pages_;
    QLabel* statusText_;
    EndpointsPage* endpoints_;
    LimitsPage* limits_;
    ConnectionsPage* connections_;
    ActivityPage* activity_;
    ProfilesPage* profiles_;
    DoctorPage* doctor_;
    SettingsPage* settingsPage_;
    bool keepRunningInTray_ = false;
};
