//! The words of the Learn panels: the five popular claims, the red flags and every page.
//!
//! Written for someone tired and sore: short paragraphs, plain words, bullets. Every finding
//! says "may", "short-term" or "in studies" where the evidence does, and names its source.
//! Source keys refer to [`super::SOURCES`].

use super::{Block, Claim, Grade, Panel, PanelId, Section};

/// The five things people most often say massage does, and what studies found.
pub static CLAIMS: &[Claim] = &[
    Claim {
        claim: "Massage boosts blood flow to your muscles",
        found: "Massage warms the skin and raises blood flow there. But when legs were massaged \
                after exercise, blood flow into the leg did not rise (Hinds 2004). In a study of \
                forearm massage, blood flow to the muscles was lower than with simple rest \
                (Wiltshire 2010).",
        grade: Grade::Contradicted,
        sources: &["hinds2004", "wiltshire2010"],
    },
    Claim {
        claim: "Massage releases muscle tension",
        found: "While a muscle is being massaged, the nerve reflex that tightens it becomes a \
                little less active. The change is short-lived: it is seen during the massage \
                (Weerapong 2005, a review).",
        grade: Grade::Weak,
        sources: &["weerapong2005"],
    },
    Claim {
        claim: "Massage releases endorphins",
        found: "Endorphins are the body's own pain-easing chemicals. A randomised trial in \
                healthy adults found no change in beta-endorphin after a back massage (Day \
                1987). One small study with no comparison group found a 16% rise (Kaada 1989).",
        grade: Grade::Weak,
        sources: &["day1987", "kaada1989"],
    },
    Claim {
        claim: "Massage makes you more flexible",
        found: "Studies of foam rolling, a kind of self-massage, found a small gain in how far \
                a joint moves straight after a session: about 4% (Wiewelhove 2019). Rolling \
                regularly for more than 4 weeks gave moderate gains in healthy people (Konrad \
                2022). Neither looked at people with back pain.",
        grade: Grade::Weak,
        sources: &["wiewelhove2019", "konrad2022"],
    },
    Claim {
        claim: "Massage reduces stress",
        found: "A single massage lowered anxiety in the moment, blood pressure and heart rate. \
                A course of massages lowered longer-lasting anxiety and depression (Moyer 2004, \
                a review of 37 randomised studies). The effect on the stress hormone cortisol \
                was small or unclear (Moyer 2011).",
        grade: Grade::Moderate,
        sources: &["moyer2004", "moyer2011"],
    },
];

/// Heading of the grade legend.
pub const GRADE_LEGEND_HEADING: &str = "What the labels mean";

/// Heading of the numbered list on the Sources panel.
pub const SOURCE_LIST_HEADING: &str = "All sources";

/// Heading above the routines' stop rule where the red flags are shown.
pub const STOP_RULE_HEADING: &str = "While you stretch or massage";

/// Heading of the emergency list.
pub const RED_FLAGS_EMERGENCY_HEADING: &str = "Emergency — get help now";

/// The line under the emergency heading.
pub const RED_FLAGS_EMERGENCY_LEAD: &str = "Call your local emergency number or go to an \
    emergency department (A&E) now if back pain comes with any of these:";

/// Back pain with any of these needs emergency care now.
pub static RED_FLAGS_EMERGENCY: &[&str] = EMERGENCY;

const EMERGENCY: &[&str] = &[
    "Pain, tingling, weakness or numbness in both legs.",
    "Numbness around your genitals or buttocks (the \"saddle\" area).",
    "Difficulty peeing, or losing control of your bladder or bowels.",
    "New difficulty getting or keeping an erection.",
    "Chest pain.",
    "Pain after a serious accident or fall.",
];

/// Heading of the urgent list.
pub const RED_FLAGS_URGENT_HEADING: &str = "See a doctor urgently";

/// The line under the urgent heading.
pub const RED_FLAGS_URGENT_LEAD: &str =
    "Get an urgent appointment with a doctor if back pain comes with any of these:";

/// Back pain with any of these needs a doctor urgently.
pub static RED_FLAGS_URGENT: &[&str] = URGENT;

const URGENT: &[&str] = &[
    "A fever or high temperature.",
    "Weight loss you can't explain.",
    "A lump or swelling on your back, or a change in its shape.",
    "Pain that rest doesn't ease, or that is worse at night.",
    "Pain that gets worse when you cough or sneeze.",
    "Pain between your shoulder blades.",
    "You have had cancer.",
    "You take steroid medicine, or you have osteoporosis and have had a fall.",
    "The pain is new and you are over 50 or under 20.",
    "No improvement after a month.",
];

/// Sources for the two red-flag lists.
pub static RED_FLAGS_SOURCES: &[&str] = RED_FLAG_SOURCE_KEYS;

const RED_FLAG_SOURCE_KEYS: &[&str] = &["nhs_back_pain", "nice_cks", "verhagen2016"];

/// The panel for `id`.
pub(super) fn panel(id: PanelId) -> &'static Panel {
    match id {
        PanelId::HowMassageMayHelp => &HOW_MASSAGE_MAY_HELP,
        PanelId::Evidence => &EVIDENCE,
        PanelId::Techniques => &TECHNIQUES,
        PanelId::Causes => &CAUSES,
        PanelId::RedFlags => &RED_FLAGS,
        PanelId::FindingTherapist => &FINDING_THERAPIST,
        PanelId::OtherSelfCare => &OTHER_SELF_CARE,
        PanelId::Sources => &SOURCES_PANEL,
    }
}

static HOW_MASSAGE_MAY_HELP: Panel = Panel {
    id: PanelId::HowMassageMayHelp,
    title: "How massage may help",
    intro: "People often give five reasons why massage helps a sore back. Here is what studies \
            found for each one. In short: massage may help you relax, and may ease pain for a \
            while, but some popular explanations have little support.",
    sections: &[Section {
        heading: "What this means for you",
        body: &[
            Block::Para(
                "The clearest effect of massage is on stress and anxiety. Feeling relaxed and \
                 cared for may be a large part of why massage helps some people with back pain.",
            ),
            Block::Para(
                "In one trial of people with long-term low back pain, gentle relaxation massage \
                 helped about as much as massage aimed at specific muscles (Cherkin 2011).",
            ),
            Block::Para(
                "Any relief is usually short-term. Guidelines suggest using massage alongside \
                 exercise and staying active, not on its own.",
            ),
        ],
        grade: None,
        sources: &["moyer2004", "cherkin2011", "furlan2015", "nice_ng59"],
    }],
    sources: &["furlan2015"],
};

static EVIDENCE: Panel = Panel {
    id: PanelId::Evidence,
    title: "What the evidence says",
    intro: "Here is what the main reviews and guidelines say about massage for low back pain. \
            The honest summary: it may help a little, for a short time, and it fits best \
            alongside staying active and exercise.",
    sections: &[
        Section {
            heading: "The Cochrane review (2015)",
            body: &[
                Block::Para(
                    "This review pooled 25 randomised trials with 3,096 people. The evidence was \
                     of low or very low quality, so the results are uncertain.",
                ),
                Block::Bullets(&[
                    "For pain that had lasted more than a few weeks, massage gave better pain \
                     and function than no treatment or a sham treatment, but only in the short \
                     term.",
                    "Compared with other active treatments, massage was slightly better for \
                     pain.",
                ]),
            ],
            grade: Some(Grade::Weak),
            sources: &["furlan2015"],
        },
        Section {
            heading: "Side effects",
            body: &[Block::Para(
                "No serious side effects were reported. The most common one was a short-lived \
                 increase in pain: between 1.5% and 25% of people had it, depending on the trial.",
            )],
            grade: None,
            sources: &["furlan2015"],
        },
        Section {
            heading: "US doctors' guideline (2017)",
            body: &[
                Block::Para("The American College of Physicians advises:"),
                Block::Bullets(&[
                    "For back pain of less than 12 weeks, start with treatments that are not \
                     medicines.",
                    "Superficial heat, such as a heat wrap, has moderate-quality evidence.",
                    "Massage, acupuncture and spinal manipulation are options, but with \
                     low-quality evidence.",
                    "Most new back pain gets better over time, whatever the treatment.",
                    "For chronic back pain, its first choices include exercise, rehabilitation, \
                     acupuncture and mindfulness. Massage is not on that list.",
                ]),
            ],
            grade: None,
            sources: &["qaseem2017"],
        },
        Section {
            heading: "UK guideline (NICE NG59)",
            body: &[
                Block::Para(
                    "NICE published this guideline in 2016 and updated it in 2020. It advises:",
                ),
                Block::Bullets(&[
                    "Help to manage back pain yourself, and to stay active, at every stage.",
                    "Consider exercise.",
                    "Consider hands-on (manual) therapy, including massage, only as part of a \
                     package that includes exercise.",
                ]),
            ],
            grade: None,
            sources: &["nice_ng59"],
        },
        Section {
            heading: "Relaxation seems to matter",
            body: &[
                Block::Para(
                    "A US trial gave 401 people with long-term low back pain either relaxation \
                     (Swedish) massage or \"structural\" massage aimed at specific muscles. Both \
                     helped by a similar amount at 10 weeks, and the benefit lasted to about 6 \
                     months.",
                ),
                Block::Para(
                    "This suggests that general effects, such as relaxing and being cared for, \
                     matter, and not only the technique.",
                ),
            ],
            grade: None,
            sources: &["cherkin2011"],
        },
        Section {
            heading: "Where massage fits",
            body: &[Block::Bullets(&[
                "Staying active and exercise come first.",
                "Massage may be a pleasant extra alongside them, for short-term relief.",
                "It should never be a reason to put off seeing a doctor.",
            ])],
            grade: None,
            sources: &["nice_ng59", "qaseem2017", "nccih"],
        },
    ],
    sources: &[],
};

static TECHNIQUES: Panel = Panel {
    id: PanelId::Techniques,
    title: "Techniques and tools",
    intro: "Massage comes in many styles. Here are the ones you are most likely to meet, and \
            the simple tools Unknot's self-massage routines use.",
    sections: &[
        Section {
            heading: "Swedish massage",
            body: &[Block::Para(
                "Long, gliding strokes, kneading, small circles and light tapping. It is mainly \
                 meant to relax you. In one trial it helped long-term back pain about as much as \
                 a more targeted massage (Cherkin 2011).",
            )],
            grade: None,
            sources: &["cherkin2011"],
        },
        Section {
            heading: "Deep tissue massage",
            body: &[Block::Para(
                "Slower, firmer strokes that aim at deeper muscle and the connective tissue \
                 around it.",
            )],
            grade: None,
            sources: &[],
        },
        Section {
            heading: "Trigger point therapy",
            body: &[Block::Para(
                "Steady pressure on a tight, tender spot within a taut band of muscle. The idea \
                 of trigger points is itself debated among experts, so the evidence is weak.",
            )],
            grade: Some(Grade::Weak),
            sources: &[],
        },
        Section {
            heading: "Myofascial release",
            body: &[Block::Para(
                "Slow, sustained pressure and stretching of the fascia, the connective tissue \
                 around muscles. Few studies have tested it on its own, so the evidence is weak.",
            )],
            grade: Some(Grade::Weak),
            sources: &[],
        },
        Section {
            heading: "Self-massage tools in Unknot",
            body: &[Block::Bullets(&[
                "A ball (a tennis ball or massage ball), against a wall or on the floor: for the \
                 buttocks, between a shoulder blade and the spine, and the muscle between your \
                 lowest rib and the top of your pelvis. Keep it beside the spine, never on it.",
                "A foam roller: for the upper back, the buttocks, the backs of the thighs, and \
                 the front of the hips and thighs.",
                "A massage stick: for the thighs and calves.",
                "Your hands: knead the buttocks, or press your knuckles lightly on the muscles \
                 beside the spine.",
            ])],
            grade: None,
            sources: &[],
        },
        Section {
            heading: "How long and how firm",
            body: &[
                Block::Para(
                    "These amounts come from surveys of what physical therapists suggest. There \
                     is little or no research on self-massage for back pain itself.",
                ),
                Block::Bullets(&[
                    "30 seconds to 2 minutes on each muscle group, at a slow pace you choose.",
                    "Roll over an area for 30 to 60 seconds.",
                    "On a tender spot, hold still for 20 to 90 seconds, until it eases.",
                    "Aim for pressure that is uncomfortable but bearable: you can still breathe \
                     easily and relax.",
                ]),
            ],
            grade: Some(Grade::Weak),
            sources: &["cheatham2018", "cheatham2019"],
        },
        Section {
            heading: "Stay safe",
            body: &[Block::Bullets(SELF_MASSAGE_SAFETY)],
            grade: None,
            sources: &["bartsch2021", "nccih"],
        },
    ],
    sources: &[],
};

static CAUSES: Panel = Panel {
    id: PanelId::Causes,
    title: "Causes of back pain",
    intro: "Back pain is very common, and most of the time it is not a sign of anything \
            serious. Here is what usually lies behind it, and how it tends to go.",
    sections: &[
        Section {
            heading: "Most back pain has no single cause",
            body: &[Block::Para(
                "For 85 to 90% of people, no specific cause can be found. Doctors call this \
                 \"non-specific\" back pain. The pain is real, and it usually gets better.",
            )],
            grade: None,
            sources: &["verhagen2016", "nhs_back_pain"],
        },
        Section {
            heading: "Common causes",
            body: &[Block::Bullets(&[
                "A strained or sprained muscle or ligament.",
                "A bulging or slipped (herniated) disc. Scans often show these in people with no \
                 pain at all.",
                "Wear in the joints of the spine (osteoarthritis), which can narrow the space \
                 around the nerves (spinal stenosis).",
                "Sciatica: nerve pain running down one leg, usually from a disc pressing on a \
                 nerve root.",
                "Less often: a marked curve of the spine (severe scoliosis), or a small break in \
                 a bone weakened by osteoporosis (a compression fracture).",
            ])],
            grade: None,
            sources: &[],
        },
        Section {
            heading: "What about posture?",
            body: &[Block::Para(
                "There is little evidence that any one posture causes back pain. A practical \
                 rule: vary your position, and avoid long spells of sitting without a break.",
            )],
            grade: Some(Grade::Weak),
            sources: &["slater2019"],
        },
        Section {
            heading: "Serious causes are rare",
            body: &[
                Block::Para("Among people who see a family doctor about back pain:"),
                Block::Bullets(&[
                    "Cancer in the spine: fewer than 1 in 100.",
                    "A broken bone in the spine: about 4 in 100.",
                    "Cauda equina syndrome (pressure on the bundle of nerves at the bottom of \
                     the spine): about 4 in 10,000.",
                    "Infection in the spine: about 1 in 10,000.",
                ]),
                Block::Para("The Red flags page lists the signs that mean you should get checked."),
            ],
            grade: None,
            sources: &["verhagen2016"],
        },
        Section {
            heading: "How long it lasts",
            body: &[
                Block::Bullets(&[
                    "Acute back pain lasts up to about 6 weeks.",
                    "Chronic (long-term) back pain lasts 12 weeks or more.",
                ]),
                Block::Para(
                    "Most new back pain eases within about 2 weeks and settles within 4 to 6 \
                     weeks.",
                ),
            ],
            grade: None,
            sources: &["nhs_back_pain"],
        },
    ],
    sources: &["verhagen2016", "nhs_back_pain"],
};

static RED_FLAGS: Panel = Panel {
    id: PanelId::RedFlags,
    title: "Red flags",
    intro: "Back pain is rarely a sign of something serious. But a few signs mean you should \
            see a doctor urgently, and some mean you need help straight away. Please read this \
            once, even if you feel fine.",
    sections: &[Section {
        heading: "Where this list comes from",
        body: &[Block::Para(
            "These signs come from the NHS and from UK guidance for doctors. Most back-pain \
             guidelines around the world agree on four of them: a serious injury, steroid use, \
             a history of cancer, and weight loss you can't explain (Verhagen 2016).",
        )],
        grade: None,
        sources: RED_FLAG_SOURCE_KEYS,
    }],
    sources: &[],
};

static FINDING_THERAPIST: Panel = Panel {
    id: PanelId::FindingTherapist,
    title: "Finding a credible massage therapist",
    intro: "A good massage therapist asks about your health, explains what they will do, and \
            is glad for you to see a doctor too. Here is how to check who you are seeing.",
    sections: &[
        Section {
            heading: "In the United States",
            body: &[Block::Bullets(&[
                "Massage therapists are licensed by each state, not nationally. Check with your \
                 own state's massage board.",
                "Many state boards belong to the Federation of State Massage Therapy Boards \
                 (FSMTB) and use its licensing exam, the MBLEx.",
                "Titles vary from state to state; LMT (licensed massage therapist) is one \
                 example.",
                "A few states do not fully license massage therapists, so check what your state \
                 requires.",
                "Board Certification from the NCBTMB is voluntary and goes beyond a licence.",
                "Membership of the American Massage Therapy Association (AMTA) or Associated \
                 Bodywork & Massage Professionals (ABMP) is another sign of good standing.",
            ])],
            grade: None,
            sources: &["fsmtb", "ncbtmb", "amta", "abmp"],
        },
        Section {
            heading: "In the United Kingdom",
            body: &[Block::Bullets(&[
                "Massage therapy is not regulated by law in the UK.",
                "Look for someone on the register of the Complementary and Natural Healthcare \
                 Council (CNHC). It is an Accredited Register approved by the Professional \
                 Standards Authority (PSA).",
                "Physiotherapists (registered with the HCPC), osteopaths and chiropractors are \
                 regulated by law.",
            ])],
            grade: None,
            sources: &["cnhc", "psa", "hcpc"],
        },
        Section {
            heading: "Questions to ask",
            body: &[Block::Bullets(&[
                "What training do you have, and how many hours did it take?",
                "Is your licence or registration valid here?",
                "Have you worked with back pain before, and which techniques would you use?",
                "How many sessions do you suggest, what will they cost, and does insurance \
                 cover them?",
            ])],
            grade: None,
            sources: &[],
        },
        Section {
            heading: "Warning signs",
            body: &[
                Block::Para("Think twice about a therapist who:"),
                Block::Bullets(&[
                    "Doesn't ask about your health before starting.",
                    "Promises to cure your back pain.",
                    "Tells you not to see a doctor, or to stop medical care.",
                ]),
            ],
            grade: None,
            sources: &[],
        },
    ],
    sources: &[],
};

static OTHER_SELF_CARE: Panel = Panel {
    id: PanelId::OtherSelfCare,
    title: "Other self-care",
    intro: "Massage is only a small part of looking after a sore back. Several of these steps \
            have stronger evidence behind them.",
    sections: &[
        Section {
            heading: "Keep moving",
            body: &[Block::Para(
                "Staying active is better than bed rest, which can slow your recovery. Keep up \
                 your daily activities as best you can.",
            )],
            grade: None,
            sources: &["dahm2010", "nice_ng59"],
        },
        Section {
            heading: "Try heat",
            body: &[Block::Para(
                "A heat wrap may give a small amount of short-term relief for back pain that \
                 started in the last few weeks.",
            )],
            grade: Some(Grade::Moderate),
            sources: &["french2006", "qaseem2017"],
        },
        Section {
            heading: "Exercise to prevent the next episode",
            body: &[Block::Para(
                "In studies, exercise combined with learning about back pain cut the risk of a \
                 new episode by about 45%. The benefit faded after about a year, so it helps to \
                 keep exercising.",
            )],
            grade: Some(Grade::Moderate),
            sources: &["steffens2016"],
        },
        Section {
            heading: "Where stretching fits",
            body: &[
                Block::Para(
                    "In a large analysis of exercise for long-term back pain, stretching on its \
                     own did no better than no treatment (Owen 2020). Unknot's stretches are \
                     meant as a comfort and a way to keep moving, alongside staying active.",
                ),
                Block::Para(
                    "General advice is to hold a stretch for 10 to 30 seconds (30 to 60 for \
                     older adults), 2 to 4 times, to a feeling of tightness, never pain (ACSM).",
                ),
            ],
            grade: Some(Grade::Weak),
            sources: &["owen2020", "acsm"],
        },
        Section {
            heading: "A healthy weight",
            body: &[Block::Para(
                "People with obesity report back pain somewhat more often: about 1.3 to 1.5 \
                 times the odds. This is a link seen in studies, not proof that weight causes \
                 back pain.",
            )],
            grade: None,
            sources: &["shiri2010"],
        },
        Section {
            heading: "Change position often",
            body: &[Block::Para(
                "No single posture is \"correct\". Vary your position, and break up long spells \
                 of sitting.",
            )],
            grade: Some(Grade::Weak),
            sources: &["slater2019"],
        },
    ],
    sources: &[],
};

static SOURCES_PANEL: Panel = Panel {
    id: PanelId::Sources,
    title: "Sources",
    intro: "The facts in Learn and in the routines come from these sources. The numbers match \
            the [n] marks on each page. Links open in your web browser only when you click them; \
            Unknot never goes online by itself.",
    sections: &[Section {
        heading: "How we grade evidence",
        body: &[
            Block::Para(
                "Each finding carries one of three labels. They describe how good the studies \
                 are, not how popular a claim is.",
            ),
            Block::Para(
                "\"Weak\" does not mean something doesn't work. It means we can't be sure yet.",
            ),
        ],
        grade: None,
        sources: &[],
    }],
    sources: &[],
};

/// When not to use self-massage, and when to stop: shown in the Techniques panel and before
/// every self-massage routine starts.
pub const SELF_MASSAGE_SAFETY: &[&str] = &[
    "Never roll directly on your lower spine, on a bone or on a joint.",
    "Don't massage over open wounds or broken bones.",
    "Take care with an inflamed area, a blood clot in a vein (DVT) or a bone \
     infection, and ask a clinician first.",
    "Ask a clinician first if you have osteoporosis or a bleeding disorder, take \
     blood thinners, or are pregnant.",
    "Stop if you feel numbness, tingling, or sharp or spreading pain.",
    "Don't use massage to put off seeing a doctor.",
];
