#include "finding_fix.h"

#include <QDBusVariant>

namespace {

enum class ArgumentType { Unsigned, Text, Variant };

struct Argument {
    const char* name;
    ArgumentType type;
};

struct FixMethod {
    const char* method;
    QList<Argument> arguments;
};

// The methods a finding may name, with their argument names from the contract.
const QList<FixMethod>& fixMethods() {
    static const QList<FixMethod> methods{
        {"SetSysctl", {{"name", ArgumentType::Text}, {"value", ArgumentType::Variant}}},
        {"SetLimits",
         {{"subflows", ArgumentType::Unsigned}, {"addAddrAccepted", ArgumentType::Unsigned}}},
        {"RemoveEndpoint", {{"id", ArgumentType::Unsigned}, {"address", ArgumentType::Text}}},
        {"SetEndpointFlags", {{"id", ArgumentType::Unsigned}, {"flags", ArgumentType::Unsigned}}},
    };
    return methods;
}

std::optional<QVariant> argumentValue(const QVariantMap& given, const Argument& argument) {
    const QString name = QString::fromLatin1(argument.name);
    const QVariant value = given.value(name);
    switch (argument.type) {
    case ArgumentType::Unsigned: {
        bool ok = false;
        const uint number = value.toUInt(&ok);
        return ok ? std::optional<QVariant>(number) : std::nullopt;
    }
    case ArgumentType::Text:
        // A removal by id alone carries no address.
        return value.isValid() || name == QLatin1String("address")
                   ? std::optional<QVariant>(value.toString())
                   : std::nullopt;
    case ArgumentType::Variant:
        return value.isValid() ? std::optional<QVariant>(QVariant::fromValue(QDBusVariant(value)))
                               : std::nullopt;
    }
    return std::nullopt;
}

} // namespace

std::optional<QList<QVariant>> fixCallArguments(const FixActionRecord& action) {
    for (const auto& method : fixMethods()) {
        if (action.method != QLatin1String(method.method)) {
            continue;
        }
        QList<QVariant> arguments;
        for (const auto& argument : method.arguments) {
            auto value = argumentValue(action.arguments, argument);
            if (!value) {
                return std::nullopt;
            }
            arguments.append(*value);
        }
        return arguments;
    }
    return std::nullopt;
}
