// What the Shares and Recipients tabs show of the store, read on the disk thread in one go.
#pragma once

#include "store/sharingsettings.h"

#include <string>
#include <vector>

namespace lakeshore::store {
class SettingsStore;
}

struct SharingSnapshot
{
    std::vector<lakeshore::store::Share> shares;
    std::vector<lakeshore::store::Recipient> recipients;
    std::string problem; // the store could not be read
};

// store may be null (it could not be opened): the snapshot then says so in problem.
[[nodiscard]] SharingSnapshot readSharingSnapshot(lakeshore::store::SettingsStore *store,
                                                  const std::string &tenant);
