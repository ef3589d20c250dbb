/// Comparisons whose time does not depend on where two secrets first differ.
public enum ConstantTime {
    /// True when `a` and `b` hold the same bytes; takes the same time for every `b` of a given length.
    ///
    /// The lengths are compared whole: folding them into a byte would call a string equal to one
    /// 256 bytes longer whose extra bytes are zero.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference: UInt8 = 0
        let count = max(x.count, y.count)
        for index in 0..<count {
            let left = index < x.count ? x[index] : 0
            let right = index < y.count ? y[index] : 0
            difference |= left ^ right
        }
        return (UInt(bitPattern: x.count ^ y.count) | UInt(difference)) == 0
    }
}
