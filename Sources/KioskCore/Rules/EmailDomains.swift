/// What the email suggestions know of the world's mail domains: the providers learners use, with
/// the endings each really has, other real domains that sit close to them, and which endings exist.
enum EmailDomains {
    /// Mail providers common in the UK, Poland and Ukraine, most used first (the first wins a tie),
    /// each with the endings it really has (the UK's first where a provider has both).
    static let providers: [(host: String, endings: [String])] = [
        ("gmail", ["com"]), ("googlemail", ["com"]),
        ("hotmail", ["co.uk", "com", "fr", "de", "it", "es", "ca", "nl", "be", "ie", "se", "no", "dk"]),
        ("outlook", ["com", "co.uk", "fr", "de", "es", "it", "ie"]),
        ("live", ["co.uk", "com", "fr", "de", "it", "nl", "ca", "ie", "be", "se", "no", "dk"]),
        ("yahoo", ["co.uk", "com", "fr", "de", "es", "it", "ca", "ie", "pl"]),
        ("icloud", ["com"]), ("me", ["com"]), ("mac", ["com"]), ("msn", ["com"]),
        ("btinternet", ["com"]), ("btopenworld", ["com"]), ("sky", ["com"]), ("aol", ["com", "co.uk"]),
        ("virginmedia", ["com"]), ("ntlworld", ["com"]), ("blueyonder", ["co.uk"]), ("talktalk", ["net"]),
        ("tiscali", ["co.uk"]), ("mail", ["com", "ru"]), ("email", ["com"]), ("ymail", ["com"]),
        ("gmx", ["com", "co.uk", "de", "net"]), ("protonmail", ["com"]), ("proton", ["me"]),
        ("wp", ["pl"]), ("onet", ["pl", "eu"]), ("interia", ["pl", "eu"]), ("o2", ["pl"]), ("op", ["pl"]),
        ("gazeta", ["pl"]), ("tlen", ["pl"]), ("go2", ["pl"]), ("vp", ["pl"]), ("poczta", ["fm"]),
        ("ukr", ["net"]), ("i", ["ua"]), ("meta", ["ua"]), ("bigmir", ["net"]), ("yandex", ["com", "ru", "ua"]),
    ]

    /// Real domains near a provider, so never "corrected" into one (`web.de` is not a slip for `wp.pl`).
    static let otherReal: Set<String> = [
        "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "libero.it", "mail.ua",
        "inbox.ru", "list.ru", "bk.ru", "rambler.ru", "nhs.net", "hushmail.com", "zoho.com", "fastmail.com",
        "tutanota.com", "tuta.io", "hey.com", "qq.com", "163.com", "126.com", "naver.com", "gmx.at", "gmx.ch",
        "live.at", "outlook.at", "hotmail.co.za", "yahoo.co.in", "yahoo.co.jp", "yahoo.com.au", "outlook.com.au",
        "hotmail.com.au", "aim.com", "lycos.com", "cloud.com",
    ]

    /// Every two-letter ending that exists (the country codes in use).
    static let countryEndings: Set<Substring> = Set("""
        ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz \
        ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk \
        fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir \
        is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk \
        ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl \
        pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc \
        td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }))

    /// Longer endings that exist and are one slip from `.com`, `.net` or `.org`, so are left alone.
    static let realNearCommon: Set<Substring> = [
        "cam", "cab", "car", "cat", "mom", "moe", "bet", "pet", "vet", "new", "ong", "one", "ngo", "now", "nyc",
    ]

    /// Endings no domain has, by what they are a slip for: the nearest wins, `com` on a tie.
    static let endingFixes: [(slip: String, fix: String)] = [
        ("com", "com"), ("net", "net"), ("org", "org"), ("uk", "uk"), ("couk", "co.uk"), ("pl", "pl"), ("ua", "ua"),
    ]
}
