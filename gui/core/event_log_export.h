// The event log written out for a bug report or a spreadsheet: CSV with the
// columns the window shows, JSON with every attribute the helper sent.
#pragma once

#include "event_log_model.h"

#include <QByteArray>
#include <QList>

QByteArray eventLogToCsv(const QList<LogEntry>& entries);
QByteArray eventLogToJson(const QList<LogEntry>& entries);
// Tab-separated lines for the clipboard.
QString eventLogToText(const QList<LogEntry>& entries);
