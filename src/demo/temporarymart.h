// The demo lakehouse mart built in the background into a private temporary file (a fresh 0700 directory,
// the file 0600), removed again when this object goes. The demo tenant and `lakeshore-demo
// --lakehouse-stdio` serve it while it is still being written: calls wait for it.
#pragma once

#include "core/result.h"
#include "demo/world.h"

#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace lakeshore::demo {

class TemporaryMart
{
public:
    // Starts building the world's mart on a thread of its own; done runs on that thread, once, with the
    // file's path or why it could not be built.
    static std::unique_ptr<TemporaryMart> start(const World &world,
                                                std::function<void(Result<std::string>)> done);
    ~TemporaryMart(); // waits for the build, then removes the file and its directory
    TemporaryMart(const TemporaryMart &) = delete;
    TemporaryMart &operator=(const TemporaryMart &) = delete;

    // Where the mart is (or will be); empty when no directory could be made.
    [[nodiscard]] std::string path() const;

private:
    TemporaryMart() = default;
    std::string m_directory;
    std::string m_path;
    std::thread m_thread;
};

} // namespace lakeshore::demo
