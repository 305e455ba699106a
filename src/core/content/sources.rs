//! Every source the Learn panels and routines rely on, in the order of the Sources panel.
//!
//! The position in [`SOURCES`] is the number shown next to a finding, so add new sources at
//! the end of their group and never reuse a key. Links are given only where they were checked:
//! DOIs of the papers themselves, and the official pages of guidelines and organisations.
//! Where a link could not be checked, `url` is `None` and the citation is enough to find it.

use super::Source;

/// All sources, grouped by topic. Keys are unique (tested).
pub static SOURCES: &[Source] = &[
    // Massage for low back pain: reviews, guidelines and trials.
    Source {
        key: "furlan2015",
        short: "Furlan et al. 2015 (Cochrane)",
        citation: "Furlan AD, Giraldo M, Baskwill A, Irvin E, Imamura M. Massage for low-back pain. \
                   Cochrane Database of Systematic Reviews 2015, Issue 9, CD001929.",
        url: Some("https://doi.org/10.1002/14651858.CD001929.pub3"),
    },
    Source {
        key: "qaseem2017",
        short: "Qaseem et al. 2017 (ACP guideline)",
        citation: "Qaseem A, Wilt TJ, McLean RM, Forciea MA; Clinical Guidelines Committee of the \
                   American College of Physicians. Noninvasive treatments for acute, subacute, and \
                   chronic low back pain: a clinical practice guideline from the American College \
                   of Physicians. Ann Intern Med. 2017;166(7):514-530.",
        url: Some("https://doi.org/10.7326/M16-2367"),
    },
    Source {
        key: "nice_ng59",
        short: "NICE NG59",
        citation: "National Institute for Health and Care Excellence (NICE). Low back pain and \
                   sciatica in over 16s: assessment and management. NICE guideline NG59, 2016, \
                   updated 2020.",
        url: Some("https://www.nice.org.uk/guidance/ng59"),
    },
    Source {
        key: "cherkin2011",
        short: "Cherkin et al. 2011",
        citation: "Cherkin DC, Sherman KJ, Kahn J, Wellman R, Cook AJ, Johnson E, Erro J, \
                   Delaney K, Deyo RA. A comparison of the effects of 2 types of massage and usual \
                   care on chronic low back pain: a randomized, controlled trial. Ann Intern Med. \
                   2011;155(1):1-9.",
        url: None,
    },
    // The five popular claims.
    Source {
        key: "hinds2004",
        short: "Hinds et al. 2004",
        citation: "Hinds T, McEwan I, Perkes J, Dawson E, Ball D, George K. Effects of massage on \
                   limb and skin blood flow after quadriceps exercise. Med Sci Sports Exerc. \
                   2004;36(8):1308-1313.",
        url: None,
    },
    Source {
        key: "wiltshire2010",
        short: "Wiltshire et al. 2010",
        citation: "Wiltshire EV, Poitras V, Pak M, Hong T, Rayner J, Tschakovsky ME. Massage \
                   impairs postexercise muscle blood flow and \"lactic acid\" removal. Med Sci \
                   Sports Exerc. 2010;42(6):1062-1071.",
        url: Some("https://doi.org/10.1249/MSS.0b013e3181c9214f"),
    },
    Source {
        key: "weerapong2005",
        short: "Weerapong et al. 2005 (review)",
        citation: "Weerapong P, Hume PA, Kolt GS. The mechanisms of massage and effects on \
                   performance, muscle recovery and injury prevention. Sports Med. \
                   2005;35(3):235-256.",
        url: Some("https://doi.org/10.2165/00007256-200535030-00004"),
    },
    Source {
        key: "day1987",
        short: "Day et al. 1987",
        citation: "Day JA, Mason RR, Chesrown SE. Effect of massage on serum level of \
                   beta-endorphin and beta-lipotropin in healthy adults. Phys Ther. \
                   1987;67(6):926-930.",
        url: Some("https://doi.org/10.1093/ptj/67.6.926"),
    },
    Source {
        key: "kaada1989",
        short: "Kaada & Torsteinbø 1989",
        citation: "Kaada B, Torsteinbø O. Increase of plasma beta-endorphins in connective tissue \
                   massage. Gen Pharmacol. 1989;20(4):487-489.",
        url: Some("https://doi.org/10.1016/0306-3623(89)90200-0"),
    },
    Source {
        key: "wiewelhove2019",
        short: "Wiewelhove et al. 2019",
        citation: "Wiewelhove T, Döweling A, Schneider C, Hottenrott L, Meyer T, Kellmann M, \
                   Pfeiffer M, Ferrauti A. A meta-analysis of the effects of foam rolling on \
                   performance and recovery. Front Physiol. 2019;10:376.",
        url: Some("https://doi.org/10.3389/fphys.2019.00376"),
    },
    Source {
        key: "konrad2022",
        short: "Konrad et al. 2022",
        citation: "Konrad A, Nakamura M, Tilp M, Donti O, Behm DG. Foam rolling training effects \
                   on range of motion: a systematic review and meta-analysis. Sports Med. \
                   2022;52(10):2523-2535.",
        url: Some("https://doi.org/10.1007/s40279-022-01699-8"),
    },
    Source {
        key: "moyer2004",
        short: "Moyer et al. 2004 (meta-analysis)",
        citation: "Moyer CA, Rounds J, Hannum JW. A meta-analysis of massage therapy research. \
                   Psychol Bull. 2004;130(1):3-18.",
        url: Some("https://doi.org/10.1037/0033-2909.130.1.3"),
    },
    Source {
        key: "moyer2011",
        short: "Moyer et al. 2011",
        citation: "Moyer CA, Seefeldt L, Mann ES, Jackley LM. Does massage therapy reduce \
                   cortisol? A comprehensive quantitative review. J Bodyw Mov Ther. \
                   2011;15(1):3-14.",
        url: Some("https://doi.org/10.1016/j.jbmt.2010.06.001"),
    },
    // Causes of back pain and red flags.
    Source {
        key: "verhagen2016",
        short: "Verhagen et al. 2016",
        citation: "Verhagen AP, Downie A, Popal N, Maher C, Koes BW. Red flags presented in \
                   current low back pain guidelines: a review. Eur Spine J. \
                   2016;25(9):2788-2802.",
        url: Some("https://doi.org/10.1007/s00586-016-4684-0"),
    },
    Source {
        key: "slater2019",
        short: "Slater et al. 2019",
        citation: "Slater D, Korakakis V, O'Sullivan P, Nolan D, O'Sullivan K. \"Sit up \
                   straight\": time to re-evaluate. J Orthop Sports Phys Ther. \
                   2019;49(8):562-564.",
        url: Some("https://doi.org/10.2519/jospt.2019.0610"),
    },
    Source {
        key: "nhs_back_pain",
        short: "NHS: Back pain",
        citation: "NHS (National Health Service, England). Back pain. Health A to Z, nhs.uk.",
        url: Some("https://www.nhs.uk/conditions/back-pain/"),
    },
    Source {
        key: "nice_cks",
        short: "NICE CKS",
        citation: "NICE Clinical Knowledge Summaries (CKS) on low back pain, and the care \
                   pathways based on them.",
        url: None,
    },
    // Self-massage: dose and safety.
    Source {
        key: "cheatham2018",
        short: "Cheatham et al. 2018 (survey)",
        citation: "Cheatham SW, et al. A survey of US physical therapy professionals on roller \
                   massage (part 2 of a commentary on clinical standards for roller massage). Int \
                   J Sports Phys Ther. 2018;13(5):920-930.",
        url: None,
    },
    Source {
        key: "cheatham2019",
        short: "Cheatham et al. 2019 (survey)",
        citation: "Cheatham SW, et al. Roller massage: a descriptive survey of allied health \
                   professionals. J Sport Rehabil. 2019;28(6):640-649.",
        url: Some("https://doi.org/10.1123/jsr.2017-0366"),
    },
    Source {
        key: "bartsch2021",
        short: "Bartsch, Wilke et al. 2021 (expert consensus)",
        citation: "Bartsch KM, Baumgart C, Freiwald J, Wilke J, Slomka G, Turnhöfer S, Egner C, \
                   Hoppe MW, Klingler W, Schleip R. Expert consensus on the contraindications and \
                   cautions of foam rolling: an international Delphi study. J Clin Med. \
                   2021;10(22):5360.",
        url: Some("https://doi.org/10.3390/jcm10225360"),
    },
    Source {
        key: "nccih",
        short: "NCCIH: Massage therapy",
        citation: "National Center for Complementary and Integrative Health (NCCIH), US National \
                   Institutes of Health. Massage therapy: what you need to know.",
        url: None,
    },
    // Other self-care.
    Source {
        key: "dahm2010",
        short: "Dahm et al. 2010 (Cochrane)",
        citation: "Dahm KT, Brurberg KG, Jamtvedt G, Hagen KB. Advice to rest in bed versus \
                   advice to stay active for acute low-back pain and sciatica. Cochrane Database \
                   of Systematic Reviews 2010, Issue 6, CD007612.",
        url: Some("https://doi.org/10.1002/14651858.CD007612.pub2"),
    },
    Source {
        key: "french2006",
        short: "French et al. 2006 (Cochrane)",
        citation: "French SD, Cameron M, Walker BF, Reggars JW, Esterman AJ. Superficial heat or \
                   cold for low back pain. Cochrane Database of Systematic Reviews 2006, Issue 1, \
                   CD004750.",
        url: Some("https://doi.org/10.1002/14651858.CD004750.pub2"),
    },
    Source {
        key: "steffens2016",
        short: "Steffens et al. 2016",
        citation: "Steffens D, Maher CG, Pereira LSM, Stevens ML, Oliveira VC, Chapple M, \
                   Teixeira-Salmela LF, Hancock MJ. Prevention of low back pain: a systematic \
                   review and meta-analysis. JAMA Intern Med. 2016;176(2):199-208.",
        url: Some("https://doi.org/10.1001/jamainternmed.2015.7431"),
    },
    Source {
        key: "shiri2010",
        short: "Shiri et al. 2010",
        citation: "Shiri R, Karppinen J, Leino-Arjas P, Solovieva S, Viikari-Juntura E. The \
                   association between obesity and low back pain: a meta-analysis. Am J \
                   Epidemiol. 2010;171(2):135-154.",
        url: Some("https://doi.org/10.1093/aje/kwp356"),
    },
    Source {
        key: "owen2020",
        short: "Owen et al. 2020",
        citation: "Owen PJ, Miller CT, Mundell NL, Verswijveren SJJM, Tagliaferri SD, Brisby H, \
                   Bowe SJ, Belavy DL. Which specific modes of exercise training are most \
                   effective for treating low back pain? Network meta-analysis. Br J Sports Med. \
                   2020;54(21):1279-1287.",
        url: Some("https://doi.org/10.1136/bjsports-2019-100886"),
    },
    Source {
        key: "hayden2021",
        short: "Hayden et al. 2021 (Cochrane)",
        citation: "Hayden JA, Ellis J, Ogilvie R, Malmivaara A, van Tulder MW. Exercise therapy                    for chronic low back pain. Cochrane Database of Systematic Reviews 2021, Issue                    9, CD009790.",
        url: Some("https://doi.org/10.1002/14651858.CD009790.pub2"),
    },
    Source {
        key: "acsm",
        short: "ACSM guidelines",
        citation: "American College of Sports Medicine (ACSM). ACSM's Guidelines for Exercise \
                   Testing and Prescription.",
        url: None,
    },
    Source {
        key: "mcgill",
        short: "McGill",
        citation: "McGill SM. Low Back Disorders: Evidence-Based Prevention and Rehabilitation. \
                   Human Kinetics. The curl-up, side bridge and bird-dog (the \"big three\"), \
                   held briefly in a descending pyramid of repetitions.",
        url: None,
    },
    // Patient information used for the stretches in the routines.
    Source {
        key: "mayo_clinic",
        short: "Mayo Clinic",
        citation: "Mayo Clinic. Patient information on back pain and back stretches.",
        url: None,
    },
    Source {
        key: "csp",
        short: "Chartered Society of Physiotherapy",
        citation: "Chartered Society of Physiotherapy (UK). Patient advice and exercises for back \
                   pain.",
        url: None,
    },
    Source {
        key: "saint_lukes",
        short: "Saint Luke's",
        citation: "Saint Luke's Health System. Patient exercise guides for low back pain.",
        url: None,
    },
    Source {
        key: "spine_health",
        short: "Spine-health",
        citation: "Spine-health.com. Patient articles on stretches for low back pain.",
        url: None,
    },
    // Exercises at a desk, on a chair or standing.
    Source {
        key: "ccohs",
        short: "CCOHS",
        citation: "Canadian Centre for Occupational Health and Safety (CCOHS). OSH Answers on \
                   working in a sitting position and on stretching at the workstation.",
        url: None,
    },
    Source {
        key: "bupa",
        short: "Bupa",
        citation: "Bupa UK. Health information on desk exercises and stretches for back pain.",
        url: None,
    },
    Source {
        key: "nhs_inform",
        short: "NHS inform",
        citation: "NHS inform (Scotland). Exercises for back problems.",
        url: None,
    },
    Source {
        key: "ohcow",
        short: "OHCOW",
        citation: "Occupational Health Clinics for Ontario Workers (OHCOW). Office stretches and \
                   exercises.",
        url: None,
    },
    Source {
        key: "herworld",
        short: "HerWorld (physiotherapist)",
        citation: "HerWorld (Singapore). Desk exercises for back pain, as described by a \
                   physiotherapist.",
        url: None,
    },
    Source {
        key: "hartford_healthcare",
        short: "Hartford HealthCare",
        citation: "Hartford HealthCare. Patient article on stretches to do at a desk.",
        url: None,
    },
    Source {
        key: "active_living_physio",
        short: "Active Living Physio",
        citation: "Active Living Physiotherapy. Patient article on hip flexor stretches.",
        url: None,
    },
    // Organisations for finding a massage therapist.
    Source {
        key: "fsmtb",
        short: "FSMTB",
        citation: "Federation of State Massage Therapy Boards (FSMTB), United States. Its member \
                   boards license massage therapists state by state; it runs the MBLEx exam.",
        url: Some("https://www.fsmtb.org"),
    },
    Source {
        key: "ncbtmb",
        short: "NCBTMB",
        citation: "National Certification Board for Therapeutic Massage & Bodywork (NCBTMB), \
                   United States. Offers voluntary Board Certification.",
        url: Some("https://www.ncbtmb.org"),
    },
    Source {
        key: "amta",
        short: "AMTA",
        citation: "American Massage Therapy Association (AMTA), a US professional association.",
        url: Some("https://www.amtamassage.org"),
    },
    Source {
        key: "abmp",
        short: "ABMP",
        citation: "Associated Bodywork & Massage Professionals (ABMP), a US professional \
                   association.",
        url: Some("https://www.abmp.com"),
    },
    Source {
        key: "cnhc",
        short: "CNHC",
        citation: "Complementary and Natural Healthcare Council (CNHC), United Kingdom. A \
                   register for massage and other complementary therapists.",
        url: Some("https://www.cnhc.org.uk"),
    },
    Source {
        key: "psa",
        short: "PSA",
        citation: "Professional Standards Authority for Health and Social Care (PSA), United \
                   Kingdom. Runs the Accredited Registers programme.",
        url: Some("https://www.professionalstandards.org.uk"),
    },
    Source {
        key: "hcpc",
        short: "HCPC",
        citation: "Health and Care Professions Council (HCPC), United Kingdom. The legal \
                   regulator of physiotherapists.",
        url: Some("https://www.hcpc-uk.org"),
    },
];
