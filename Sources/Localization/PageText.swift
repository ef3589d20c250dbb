extension Tables {
    /// The phone claim page's words.
    static func page(_ language: Language) -> [String: String] {
        switch language {
        case .english: PageText.english
        case .ukrainian: PageText.ukrainian
        case .polish: PageText.polish
        case .arabic: PageText.arabic
        }
    }
}

/// The claim page's text, one table per language (the others are in `PageText+<Language>.swift`).
///
/// Written for a reading age of about 9: short sentences, everyday words, "you". Words like
/// "claim" and "issuer" are ours, not the learner's, so they never appear here.
enum PageText {
    static let english: [String: String] = [
        "page.heading": "Collect your badge",
        "page.start.lead": "You took part in “{session}” at {venue}.",
        "page.start.badge": "Your badge",
        "page.start.badges": "Your badges",
        "page.start.criteria": "What you did to earn it",
        "page.start.time": "It takes about one minute. You need your first name and your email address.",
        "page.start.button": "Start",
        "page.back": "Back",
        "page.continue": "Continue",
        "page.step": "Step {number} of {total}",
        "page.languages": "Choose your language",
        "page.name.heading": "What is your first name?",
        "page.name.hint": "We will put it on your badge.",
        "page.email.heading": "What is your email address?",
        "page.email.hint": "We will send your badge there.",
        "page.check.heading": "Is this your email address?",
        "page.check.yes": "Yes, this is right",
        "page.check.change": "No, change it",
        "page.check.maybe": "This might have a mistake. Did you mean:",
        "page.check.useSuggestion": "Yes, use {email}",
        "page.check.keep": "No, keep {email}",
        "page.consent.heading": "Can we share your name and email?",
        "page.consent.body": "We will send your name and email to {issuer}, the website that makes badges. It makes your badge and emails it to you.",
        "page.consent.only": "We will not use them for anything else.",
        "page.consent.name": "Your name",
        "page.consent.email": "Your email",
        "page.consent.change": "Change",
        "page.consent.yes": "Yes, send my badge",
        "page.consent.no": "No",
        "page.done.heading": "Well done, {name}!",
        "page.done.lead": "We are sending your badge now.",
        "page.done.programme": "You finished a whole course! You get the “{badge}” badge too.",
        "page.done.again": "We already have your details. You do not need to do this again.",
        "page.done.look": "Look for an email from {issuer}. It will go to:",
        "page.done.next": "What happens next",
        "page.done.step1": "The email may take a while to come. If you cannot find it, look in the folder called Junk or Spam.",
        "page.done.step2": "Open the email and follow the steps to get your badge.",
        "page.done.step3": "You can show your badge to others, for example on your CV.",
        "page.done.close": "You can close this page now.",
        "page.declined.heading": "We have not sent your badge",
        "page.declined.body": "That is OK. We have not kept your name or email.",
        "page.declined.again": "If you want to say yes, press Back.",
        "page.error.summary": "There is a problem",
        "page.error.title": "Error: {title}",
        "page.error.prefix": "Error:",
        "page.error.name_missing": "Type your first name.",
        "page.error.name_too_long": "Your name is too long. Use 100 letters or fewer.",
        "page.error.name_invalid": "Your name has a sign we cannot use. Type it with letters.",
        "page.error.email_missing": "Type your email address.",
        "page.error.email_too_long": "That email address is too long. Check it and type it again.",
        "page.error.email_invalid": "Type your email address like this: name@example.com",
        "page.error.email_space": "Take out the spaces: an email address has none.",
        "page.error.email_no_at": "Your email address needs an @, like this: name@example.com",
        "page.home.heading": "Type your code",
        "page.home.hint": "It is on the kiosk's screen or on your slip, for example K7M‑2QX.",
        "page.home.button": "Next",
        "page.home.scan": "If you have the QR code, you can scan it with your phone's camera instead.",
        "page.home.missing": "Type the code from the kiosk's screen or your slip.",
        "page.home.unknown": "We do not know that code. Check it and type it again.",
        "page.unknown.heading": "This code did not work",
        "page.unknown.body": "Check that you scanned the code for your session.",
        "page.ask": "If you need help, ask the person who taught you.",
        "page.expired.heading": "This code has ended",
        "page.expired.body": "It is too late to use this code. Ask the person who taught you for a new one.",
        "page.usedUp.heading": "This code cannot be used any more",
        "page.usedUp.body": "If you already collected your badge, we are sending it. If not, ask the person who taught you.",
        "page.wait.heading": "Please wait a few minutes",
        "page.wait.body": "There were too many tries with codes that did not work. Wait a few minutes, then scan your code again.",
        "page.stale.heading": "Please start again",
        "page.stale.body": "We could not use that page. Your details have not been sent.",
        "page.stale.button": "Start again",
        "page.busy.heading": "Sorry, that did not save",
        "page.busy.body": "We could not save your details just now. Wait a moment, then press Try again.",
        "page.busy.button": "Try again",
        "page.error.name_unreadable": "We could not read your name. Type it again.",
        "page.error.email_unreadable": "We could not read your email address. Type it again.",
        "page.share.heading": "Please ask for help",
        "page.share.body": "This phone has already been used to collect badges for {count} people with this code. To collect another badge, use the screen at the venue, or ask the person who taught you.",
    ]
}
