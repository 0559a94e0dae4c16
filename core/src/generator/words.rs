//! The words the generator draws from: people, companies, products, notes and reasons.
//! Plain ASCII so generated emails are valid as they are.

pub const FIRST_NAMES: &[&str] = &[
    "Olivia", "Liam", "Emma", "Noah", "Sophia", "Lucas", "Mia", "Ethan", "Amelia", "Mateo",
    "Harper", "James", "Aisha", "Kenji", "Priya", "Tomas", "Ingrid", "Omar", "Lena", "Rafael",
    "Hannah", "Diego", "Zoe", "Samuel", "Nadia", "Victor", "Grace", "Daniel", "Yuki", "Marco",
    "Fatima", "Owen", "Elena", "Jonas", "Chloe", "Arjun", "Maya", "Felix", "Sara", "Leo",
];

pub const LAST_NAMES: &[&str] = &[
    "Smith", "Johnson", "Garcia", "Nguyen", "Mueller", "Rossi", "Kowalski", "Tanaka", "Silva",
    "Brown", "Okoye", "Larsen", "Dubois", "Kim", "Patel", "Hughes", "Novak", "Schmidt", "Costa",
    "Walker", "Jensen", "Moreno", "Ali", "Fischer", "Bennett", "Sato", "Romero", "Hall", "Ivanova",
    "Clarke", "Haddad", "Lopez", "Meyer", "Reyes", "Foster", "Berg", "Chen", "Ward", "Santos",
    "Wright",
];

pub const COMPANY_STEMS: &[&str] = &[
    "North", "Blue", "Silver", "Cedar", "Harbor", "Summit", "Bright", "Iron", "Maple", "Granite",
    "Pioneer", "Atlas", "Clear", "Red", "Pine", "Oak", "River", "Stone", "Lake", "Sun",
];

pub const COMPANY_ENDINGS: &[&str] = &[
    "wind", "peak", "field", "line", "gate", "bridge", "point", "works", "crest", "way",
];

pub const COMPANY_TRADES: &[&str] = &[
    "Logistics",
    "Analytics",
    "Foods",
    "Health",
    "Manufacturing",
    "Labs",
    "Retail",
    "Energy",
    "Legal",
    "Software",
    "Construction",
    "Dental",
    "Insurance",
    "Media",
    "Freight",
];

pub const AREA_CODES: &[u16] = &[212, 312, 415, 512, 617, 646, 720, 206, 303, 404];

/// The sources a contact or deal came from.
pub const SOURCES: &[&str] = &["Referral", "Cold call", "Inbound", "Event", "Partner"];

/// What a deal sells; an existing client's new deal is for another one of these.
pub const PRODUCTS: &[&str] = &[
    "Annual licence",
    "Analytics add-on",
    "Onboarding package",
    "Premium support plan",
    "Team seats",
    "Data migration",
    "API access",
    "Premium tier upgrade",
    "Training workshop",
    "Pilot project",
    "Reporting module",
    "Integration bundle",
];

pub const CONTACT_NOTES: &[&str] = &[
    "",
    "",
    "",
    "Prefers email over calls.",
    "Met at the regional trade show.",
    "Decision maker is the CFO; this is our champion.",
    "Best reached before 10am.",
    "Introduced by a happy client.",
    "Evaluating two other vendors.",
    "Asked for references in their industry.",
    "Budget cycle starts in January.",
];

pub const DEAL_NOTES: &[&str] = &[
    "",
    "",
    "",
    "",
    "Needs single sign-on.",
    "Budget approved by the board.",
    "Wants a 30-day pilot first.",
    "Procurement involved from the start.",
    "Competing against the incumbent vendor.",
    "Multi-year deal possible.",
];

pub const TASK_NOTES: &[&str] = &[
    "",
    "",
    "",
    "",
    "Left a voicemail.",
    "Agenda sent in advance.",
    "Bring the pricing sheet.",
    "Loop in their IT lead.",
    "Share the case study.",
];

/// Why deals are lost, by how far they got: early, middle and late steps.
pub const LOSS_EARLY: &[&str] = &[
    "No response after four touches",
    "Not a fit: too small for our product",
    "Already under contract with another vendor",
    "Wrong contact, no buying authority",
];
pub const LOSS_MIDDLE: &[&str] = &[
    "No budget this year",
    "Chose to build it in-house",
    "Project shelved after a reorganisation",
    "Requirements did not match our product",
];
pub const LOSS_LATE: &[&str] = &[
    "Went with a cheaper competitor",
    "Price too high for their budget",
    "Lost to the incumbent vendor",
    "Our champion left the company",
    "Decision postponed to next year",
    "Legal could not accept our terms",
];

/// Notes on moves back to an earlier step.
pub const BACK_MOVE_NOTES: &[&str] = &[
    "Client asked to revisit the requirements",
    "New stakeholder joined; back to discovery",
    "Pricing to be re-quoted",
];

/// Sales reps for owners beyond the four of the demo's story.
pub const EXTRA_OWNERS: &[&str] = &[
    "Eva Lindqvist",
    "Farid Haddad",
    "Grace Liu",
    "Hugo Moreau",
    "Isla Murphy",
    "Jonas Weber",
];
