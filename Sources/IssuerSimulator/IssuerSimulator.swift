/// The IssuerSimulator module (being built).
enum IssuerSimulatorModule {}
