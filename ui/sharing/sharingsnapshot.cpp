#include "sharingsnapshot.h"

#include "store/settingsstore.h"
#include "store/sharingstore.h"

using namespace lakeshore;

SharingSnapshot readSharingSnapshot(store::SettingsStore *settings, const std::string &tenant)
{
    SharingSnapshot snapshot;
    if (!settings) {
        snapshot.problem = "the settings store is not open";
        return snapshot;
    }
    store::SharingStore sharing(*settings);
    auto shares = sharing.shares(tenant);
    auto recipients = sharing.recipients(tenant);
    if (!shares)
        snapshot.problem = shares.error().message;
    else if (!recipients)
        snapshot.problem = recipients.error().message;
    else {
        snapshot.shares = std::move(shares).value();
        snapshot.recipients = std::move(recipients).value();
    }
    return snapshot;
}
