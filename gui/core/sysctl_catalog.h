// The net.mptcp settings a person may change, in the order and with the
// ranges of the helper's own table (helper/netlink/sysctl.h), each with a
// translatable title and explanation.
#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

struct SysctlEntry {
    QString name; // without "net.mptcp."
    enum class Type { OnOff, Number, Choice } type = Type::Number;
    qint64 minimum = 0;
    qint64 maximum = 0;
    QString unit;        // "seconds" or empty, in words
    QString choicesName; // Choice: the sysctl listing the choices ("available_schedulers")
    QString title;
    QString explanation;
};

QList<SysctlEntry> sysctlEntries();
// The choices a Choice entry offers on this kernel, from Sysctls().
QStringList sysctlChoices(const SysctlEntry& entry, const QVariantMap& values);
// What one scheduler or path manager does, in a sentence (empty if unknown).
QString choiceExplanation(const QString& sysctl, const QString& choice);
