#include "sources/probe.h"

#include <algorithm>
#include <chrono>

namespace lakeshore::sources {

void probeService(odata::Client &client, std::vector<std::string> requiredSets, std::string serviceLabel,
                  CancelToken cancel, Done<ServiceProbe> done)
{
    const auto started = std::chrono::steady_clock::now();
    client.serviceDocument(cancel, [=, done = std::move(done)](Result<std::vector<std::string>> result) {
        if (!result) {
            done(result.error());
            return;
        }
        ServiceProbe probe;
        probe.entitySets = std::move(result.value());
        probe.elapsedMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        for (const auto &needed : requiredSets) {
            if (std::find(probe.entitySets.begin(), probe.entitySets.end(), needed) ==
                probe.entitySets.end()) {
                done(makeError(ErrorKind::Malformed, "the service has no \"" + needed +
                                                         "\" entity set: is this the " + serviceLabel + "?"));
                return;
            }
        }
        done(std::move(probe));
    });
}

} // namespace lakeshore::sources
