/// The KioskFront module (being built).
enum KioskFrontModule {}
