// The texts of the worklists shipped with Lakeshore (src/worklists/offcontract.cpp), listed here so that
// lupdate collects them; the models translate them in the "BuiltInWorklists" context.
#include <QtGlobal>

namespace {

[[maybe_unused]] const char *const kBuiltInWorklistTexts[] = {
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Off-contract purchases"),
    QT_TRANSLATE_NOOP("BuiltInWorklists",
                      "Accounts that bought items no running contract covered, or were billed below or above their "
                      "contract price, in the period."),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Account number"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Account"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Total spend"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Off-contract spend"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Off-contract %"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Leakage (below contract)"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Overbilling (above contract)"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Off-contract SKUs"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Last order"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Last off-contract order"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Contract expiry"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Item"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Description"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Category"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Quantity"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Spend"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Average billed price"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Contract price"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Invoice lines"),
    QT_TRANSLATE_NOOP("BuiltInWorklists", "Last invoiced"),
};

} // namespace
