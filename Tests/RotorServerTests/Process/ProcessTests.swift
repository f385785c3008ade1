import Testing

/// The process-level tests: each spawns the built `rotor` executable as a Centrifugo user would run it and
/// talks to it over real loopback sockets. Serialized so that few server processes compete for the CPU.
@Suite(.serialized)
enum ProcessTests {}
