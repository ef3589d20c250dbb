/// The QRCode module (being built).
enum QRCodeModule {}
