#include "cli/signals.h"

#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <thread>

#include "util/log.h"

namespace leakscan {

void InstallInterruptHandler() {
  static sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread([] {
    int received = 0;
    if (sigwait(&signals, &received) != 0) return;
    log::Write(log::Level::kFatal, "Interrupt signal received. Exiting...");
    _exit(1);
  }).detach();
}

}  // namespace leakscan
