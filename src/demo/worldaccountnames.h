// Internal to the world generator: realistic names for customer accounts (manufacturers, contractors,
// hospitals' facilities departments, municipalities, school districts) and their web domains.
#pragma once

#include "demo/random.h"
#include "demo/worldgeo.h"
#include "demo/worldindustry.h"

#include <string>

namespace lakeshore::demo::worldgen {

struct AccountName
{
    std::string name;
    std::string domain; // "kowalskimachine.example"
};

// One candidate; the caller retries on a clash with an existing name.
[[nodiscard]] AccountName makeAccountName(Rng &rng, const market::Industry &industry,
                                          const geo::Territory &territory, const geo::City &city);

} // namespace lakeshore::demo::worldgen
