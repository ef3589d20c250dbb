import Foundation
import KioskCore

/// The claim page's one inline stylesheet, and the Content-Security-Policy hash that allows it.
///
/// System fonts only (the venue may have no internet). Colours follow GOV.UK's palette, every
/// text colour at least 4.5:1 on its background; each rule that sets a `color` also sets its
/// `background` unless it sits on the white page, so the pairs can be checked from this text.
/// Logical properties (`inline-start`) mirror the layout for Arabic. Tap targets are 44 px or more.
/// Below 240 px (a small phone at 200% zoom) headings shrink a little so words fit without sideways scrolling,
/// and a kept badge's code (never broken across lines) shrinks so it still fits. Badge names and the
/// celebration wrap in lines of even length, so "Day 1" does not leave its "1" alone on a line.
enum Stylesheet {
    static let css: StaticString = """
    *,*::before,*::after{box-sizing:border-box}\
    html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Tahoma,Arial,sans-serif;\
    font-size:112.5%;line-height:1.45;color:#0b0c0c;background:#ffffff;-webkit-text-size-adjust:100%;overflow-wrap:break-word}\
    body{margin:0}\
    .top{color:#ffffff;background:#0b0c0c;padding:.25rem 1rem}\
    .venue{margin:.15rem 0 0;font-size:.85rem;font-weight:700}\
    .langs{display:flex;flex-wrap:wrap;gap:.1rem;margin:0}\
    .langs a,.langs button{display:inline-flex;align-items:center;min-height:44px;min-width:44px;padding:0 .3rem;\
    color:#ffffff;background:#0b0c0c;border:0;font:inherit;font-size:.9rem;text-decoration:underline;cursor:pointer}\
    .langs [aria-current]{font-weight:700;text-decoration:none;box-shadow:inset 0 -4px #ffffff}\
    main{display:block;max-width:38rem;margin:0 auto;padding:.25rem 1rem 2rem}\
    p{margin:.5rem 0}\
    h1{font-size:1.5rem;line-height:1.2;margin:.4rem 0 .5rem}\
    h2{font-size:1.2rem;margin:1rem 0 .25rem}\
    .step,.hint{color:#505a5f;background:#ffffff;margin:.25rem 0}\
    .backform{display:inline-block;margin-inline-end:1.5rem}.backform+.step{display:inline-block}\
    label{display:block}\
    .input{display:block;width:100%;min-height:48px;margin:.5rem 0;padding:.25rem .5rem;font:inherit;font-size:1.25rem;\
    color:#0b0c0c;background:#ffffff;border:2px solid #0b0c0c;border-radius:0}\
    .button{display:block;width:100%;min-height:48px;margin:.6rem 0;padding:.5rem 1rem;font:inherit;font-weight:700;\
    color:#ffffff;background:#00703c;border:0;border-bottom:3px solid #002d18;border-radius:0;cursor:pointer;\
    text-align:center;text-decoration:none;overflow-wrap:anywhere}\
    .second{color:#0b0c0c;background:#dddcdb;border-bottom-color:#858686}\
    .small{display:inline-block;min-height:44px;margin:.25rem 0;padding:.25rem 1rem;font:inherit;font-weight:700;\
    color:#0b0c0c;background:#dddcdb;border:0;border-bottom:3px solid #858686;border-radius:0;cursor:pointer;overflow-wrap:anywhere}\
    .back,.link{display:inline-block;min-height:44px;min-width:44px;margin:0;padding:0;font:inherit;\
    color:#1d70b8;background:#ffffff;border:0;text-decoration:underline;cursor:pointer}\
    .big{font-size:1.4rem;font-weight:700;overflow-wrap:anywhere}\
    .email{overflow-wrap:break-word}\
    .kept{display:inline-block;margin:.25rem 0;padding:.25rem .5rem;border:4px solid #0b0c0c;white-space:nowrap;\
    font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:2rem;font-weight:700;letter-spacing:.08em}\
    mark{color:#0b0c0c;background:#ffdd00;text-decoration:underline}\
    .badge{border-inline-start:6px solid #1d70b8;padding-inline-start:1rem;margin:.5rem 0}\
    .badge p{margin:.25rem 0}\
    summary{display:list-item;min-height:44px;padding:.5rem 0;color:#1d70b8;background:#ffffff;\
    text-decoration:underline;cursor:pointer}\
    .warn{border:4px solid #0b0c0c;padding:0 1rem;margin:1rem 0}\
    .errors{border:4px solid #b3261e;padding:0 1rem;margin:.5rem 0}\
    .errors h2{font-size:1.15rem;margin:.5rem 0 0}\
    .errors ul{list-style:none;margin:0;padding:0}\
    .errors a,.error{color:#b3261e;background:#ffffff;font-weight:700}\
    .errors a{display:block;min-height:44px;padding:.25rem 0 .5rem;overflow-wrap:anywhere}\
    .error{margin:.5rem 0}\
    .bad{border-color:#b3261e;border-width:4px}\
    .panel{color:#ffffff;background:#00703c;padding:1rem;margin:1rem 0;text-align:center}\
    .panel h1{margin:.5rem 0;overflow-wrap:anywhere}\
    .panel p{font-size:1.35rem;margin:.5rem 0}\
    .panel,.badge .big{text-wrap:balance}\
    dl{display:grid;grid-template-columns:fit-content(45%) minmax(0,1fr);gap:0 .75rem;align-items:baseline;margin:.5rem 0}\
    dt{font-weight:700}dd{margin:0;overflow-wrap:anywhere}\
    dd .link{margin-inline-start:.75rem}\
    a{color:#1d70b8;background:#ffffff}\
    .vh{position:absolute;width:1px;height:1px;margin:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\
    a:focus,button:focus,summary:focus,.langs a:focus,.langs button:focus,.errors a:focus{outline:3px solid #0b0c0c;\
    color:#0b0c0c;background:#ffdd00;text-decoration:none}\
    .input:focus{outline:3px solid #ffdd00;box-shadow:inset 0 0 0 2px #0b0c0c}\
    @media (max-width:15em){main,.top{padding-left:.5rem;padding-right:.5rem}h1{font-size:1.35rem}\
    .big,.panel p{font-size:1.15rem}.warn,.errors{padding:0 .5rem}\
    .kept{font-size:1.1rem;letter-spacing:0;padding:.25rem;border-width:2px}\
    dl{display:block}dd{margin:0 0 .5rem}}
    """

    /// The CSP source for the stylesheet: `'sha256-<base64 of its digest>'`.
    static let hashSource: String = {
        let digest = SHA256.hash(css.withUTF8Buffer { Array($0) })
        return "'sha256-\(Data(digest).base64EncodedString())'"
    }()

    /// Allows nothing from anywhere else: no scripts, fonts, images or frames; forms post only here.
    /// `'unsafe-inline'` is for browsers older than CSP 2, which do not know hashes; newer ones
    /// ignore it when a hash is present.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src \(hashSource) 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}
