/// The Issuers module (being built).
enum IssuersModule {}
