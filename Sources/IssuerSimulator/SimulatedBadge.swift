/// A badge in the simulator's catalogue, listed by every API (OBF badge id = Badgr entity id;
/// Navigatr numbers its badges, so it has a number of its own).
public struct SimulatedBadge: Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String
    public var criteria: String
    /// Its id on Navigatr, where badge ids are numbers; 0 keeps it off Navigatr.
    public var navigatrID: Int

    public init(id: String, name: String, description: String, criteria: String, navigatrID: Int = 0) {
        self.id = id
        self.name = name
        self.description = description
        self.criteria = criteria
        self.navigatrID = navigatrID
    }

    /// The demo programme: "Intro to Work", four days and a completion badge.
    public static let demoCatalogue: [SimulatedBadge] = [
        SimulatedBadge(id: "intro-to-work-day-1", name: "Intro to Work — Day 1",
                       description: "Getting ready for work: habits, motivation and what employers look for.",
                       criteria: "Took part in day 1 and set a personal work goal.", navigatrID: 3425),
        SimulatedBadge(id: "intro-to-work-day-2", name: "Intro to Work — Day 2",
                       description: "Job search: where jobs are advertised and how to read an advert.",
                       criteria: "Took part in day 2 and found three adverts that fit.", navigatrID: 3426),
        SimulatedBadge(id: "intro-to-work-day-3", name: "Intro to Work — Day 3",
                       description: "CVs and applications: showing what you can do.",
                       criteria: "Took part in day 3 and drafted a CV.", navigatrID: 3427),
        SimulatedBadge(id: "intro-to-work-day-4", name: "Intro to Work — Day 4",
                       description: "Interviews: preparing, practising and following up.",
                       criteria: "Took part in day 4 and practised an interview.", navigatrID: 3428),
        SimulatedBadge(id: "intro-to-work-complete", name: "Intro to Work — Complete",
                       description: "Completed all four days of the Intro to Work programme.",
                       criteria: "Holds the badges of days 1 to 4.", navigatrID: 3429),
    ]
}
