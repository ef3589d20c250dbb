/// The TerminalUI module (being built).
enum TerminalUIModule {}
