# `cpack -G DEB` in a build configured with -DCMAKE_INSTALL_PREFIX=/usr
# (the "package" preset): the bus activation file and the systemd unit name
# the helper by its installed path.
set(CPACK_PACKAGE_NAME "mptcp-manager")
set(CPACK_PACKAGE_VENDOR "MPTCP Manager developers")
set(CPACK_PACKAGE_CONTACT "MPTCP Manager developers <maintainers@mptcp-manager.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Multipath TCP for the desktop: endpoints, limits and live subflows")
set(CPACK_PACKAGE_DESCRIPTION
    "A Qt application, tray icon and command-line tool (mptcpctl, with the\n"
    "ip mptcp grammar) for Linux Multipath TCP, backed by a small privileged\n"
    "helper that polkit authorizes.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Without debug information: a few MiB instead of ~100.
set(CPACK_STRIP_FILES ON)
# Run-time services the helper relies on, beyond the libraries it links.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "dbus, polkitd, iproute2")
# Qt's own strings (standard buttons, --help) in the user's language, and
# the SVG icon engine that renders the installed (or a theme's) tray icons.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/packaging/postinst;${PROJECT_SOURCE_DIR}/packaging/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
