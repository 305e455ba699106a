//! The recorded clips, embedded in the program: made by `scripts/make-voice`, do not edit.

/// Every clip: its id and its Ogg Vorbis bytes, in the phrase table's order.
#[rustfmt::skip]
pub(super) static CLIPS: &[(&str, &[u8])] = &[
    (
        "begin",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/begin.ogg")),
    ),
    (
        "halfway",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/halfway.ogg")),
    ),
    (
        "relax",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/relax.ogg")),
    ),
    ("rest", include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/rest.ogg"))),
    (
        "next-rest",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/next-rest.ogg")),
    ),
    (
        "last-one",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/last-one.ogg")),
    ),
    (
        "switch-sides",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/switch-sides.ogg")),
    ),
    ("left", include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/left.ogg"))),
    (
        "right",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/right.ogg")),
    ),
    (
        "routine-complete",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/routine-complete.ogg")),
    ),
    (
        "number-01",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-01.ogg")),
    ),
    (
        "number-02",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-02.ogg")),
    ),
    (
        "number-03",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-03.ogg")),
    ),
    (
        "number-04",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-04.ogg")),
    ),
    (
        "number-05",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-05.ogg")),
    ),
    (
        "number-06",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-06.ogg")),
    ),
    (
        "number-07",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-07.ogg")),
    ),
    (
        "number-08",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-08.ogg")),
    ),
    (
        "number-09",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-09.ogg")),
    ),
    (
        "number-10",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-10.ogg")),
    ),
    (
        "number-11",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-11.ogg")),
    ),
    (
        "number-12",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-12.ogg")),
    ),
    (
        "number-13",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-13.ogg")),
    ),
    (
        "number-14",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-14.ogg")),
    ),
    (
        "number-15",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-15.ogg")),
    ),
    (
        "number-16",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-16.ogg")),
    ),
    (
        "number-17",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-17.ogg")),
    ),
    (
        "number-18",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-18.ogg")),
    ),
    (
        "number-19",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-19.ogg")),
    ),
    (
        "number-20",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-20.ogg")),
    ),
    (
        "number-21",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-21.ogg")),
    ),
    (
        "number-22",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-22.ogg")),
    ),
    (
        "number-23",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-23.ogg")),
    ),
    (
        "number-24",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-24.ogg")),
    ),
    (
        "number-25",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-25.ogg")),
    ),
    (
        "number-26",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-26.ogg")),
    ),
    (
        "number-27",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-27.ogg")),
    ),
    (
        "number-28",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-28.ogg")),
    ),
    (
        "number-29",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-29.ogg")),
    ),
    (
        "number-30",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/number-30.ogg")),
    ),
    (
        "get-ready--generic",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--generic.ogg")),
    ),
    (
        "name--generic",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--generic.ogg")),
    ),
    (
        "get-ready--generic--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--generic--left.ogg")),
    ),
    (
        "name--generic--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--generic--left.ogg")),
    ),
    (
        "get-ready--generic--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--generic--alternating.ogg")),
    ),
    (
        "name--generic--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--generic--alternating.ogg")),
    ),
    (
        "get-ready--single-knee-to-chest",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--single-knee-to-chest.ogg")),
    ),
    (
        "name--single-knee-to-chest",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--single-knee-to-chest.ogg")),
    ),
    (
        "get-ready--single-knee-to-chest--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--single-knee-to-chest--left.ogg")),
    ),
    (
        "name--single-knee-to-chest--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--single-knee-to-chest--left.ogg")),
    ),
    (
        "get-ready--single-knee-to-chest--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--single-knee-to-chest--alternating.ogg")),
    ),
    (
        "name--single-knee-to-chest--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--single-knee-to-chest--alternating.ogg")),
    ),
    (
        "get-ready--double-knee-to-chest",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--double-knee-to-chest.ogg")),
    ),
    (
        "name--double-knee-to-chest",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--double-knee-to-chest.ogg")),
    ),
    (
        "get-ready--double-knee-to-chest--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--double-knee-to-chest--left.ogg")),
    ),
    (
        "name--double-knee-to-chest--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--double-knee-to-chest--left.ogg")),
    ),
    (
        "get-ready--double-knee-to-chest--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--double-knee-to-chest--alternating.ogg")),
    ),
    (
        "name--double-knee-to-chest--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--double-knee-to-chest--alternating.ogg")),
    ),
    (
        "get-ready--knee-rolls",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--knee-rolls.ogg")),
    ),
    (
        "name--knee-rolls",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--knee-rolls.ogg")),
    ),
    (
        "get-ready--knee-rolls--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--knee-rolls--left.ogg")),
    ),
    (
        "name--knee-rolls--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--knee-rolls--left.ogg")),
    ),
    (
        "get-ready--knee-rolls--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--knee-rolls--alternating.ogg")),
    ),
    (
        "name--knee-rolls--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--knee-rolls--alternating.ogg")),
    ),
    (
        "get-ready--knee-rolls-alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--knee-rolls-alternating.ogg")),
    ),
    (
        "name--knee-rolls-alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--knee-rolls-alternating.ogg")),
    ),
    (
        "get-ready--knee-rolls-alternating--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--knee-rolls-alternating--left.ogg")),
    ),
    (
        "name--knee-rolls-alternating--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--knee-rolls-alternating--left.ogg")),
    ),
    (
        "get-ready--knee-rolls-alternating--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--knee-rolls-alternating--alternating.ogg")),
    ),
    (
        "name--knee-rolls-alternating--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--knee-rolls-alternating--alternating.ogg")),
    ),
    (
        "get-ready--pelvic-tilt",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--pelvic-tilt.ogg")),
    ),
    (
        "name--pelvic-tilt",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--pelvic-tilt.ogg")),
    ),
    (
        "get-ready--pelvic-tilt--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--pelvic-tilt--left.ogg")),
    ),
    (
        "name--pelvic-tilt--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--pelvic-tilt--left.ogg")),
    ),
    (
        "get-ready--pelvic-tilt--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--pelvic-tilt--alternating.ogg")),
    ),
    (
        "name--pelvic-tilt--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--pelvic-tilt--alternating.ogg")),
    ),
    (
        "get-ready--glute-bridge",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--glute-bridge.ogg")),
    ),
    (
        "name--glute-bridge",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--glute-bridge.ogg")),
    ),
    (
        "get-ready--glute-bridge--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--glute-bridge--left.ogg")),
    ),
    (
        "name--glute-bridge--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--glute-bridge--left.ogg")),
    ),
    (
        "get-ready--glute-bridge--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--glute-bridge--alternating.ogg")),
    ),
    (
        "name--glute-bridge--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--glute-bridge--alternating.ogg")),
    ),
    (
        "get-ready--abdominal-brace",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--abdominal-brace.ogg")),
    ),
    (
        "name--abdominal-brace",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--abdominal-brace.ogg")),
    ),
    (
        "get-ready--abdominal-brace--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--abdominal-brace--left.ogg")),
    ),
    (
        "name--abdominal-brace--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--abdominal-brace--left.ogg")),
    ),
    (
        "get-ready--abdominal-brace--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--abdominal-brace--alternating.ogg")),
    ),
    (
        "name--abdominal-brace--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--abdominal-brace--alternating.ogg")),
    ),
    (
        "get-ready--cat-cow",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--cat-cow.ogg")),
    ),
    (
        "name--cat-cow",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--cat-cow.ogg")),
    ),
    (
        "get-ready--cat-cow--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--cat-cow--left.ogg")),
    ),
    (
        "name--cat-cow--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--cat-cow--left.ogg")),
    ),
    (
        "get-ready--cat-cow--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--cat-cow--alternating.ogg")),
    ),
    (
        "name--cat-cow--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--cat-cow--alternating.ogg")),
    ),
    (
        "get-ready--childs-pose",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--childs-pose.ogg")),
    ),
    (
        "name--childs-pose",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--childs-pose.ogg")),
    ),
    (
        "get-ready--childs-pose--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--childs-pose--left.ogg")),
    ),
    (
        "name--childs-pose--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--childs-pose--left.ogg")),
    ),
    (
        "get-ready--childs-pose--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--childs-pose--alternating.ogg")),
    ),
    (
        "name--childs-pose--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--childs-pose--alternating.ogg")),
    ),
    (
        "get-ready--sphinx",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--sphinx.ogg")),
    ),
    (
        "name--sphinx",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--sphinx.ogg")),
    ),
    (
        "get-ready--sphinx--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--sphinx--left.ogg")),
    ),
    (
        "name--sphinx--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--sphinx--left.ogg")),
    ),
    (
        "get-ready--sphinx--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--sphinx--alternating.ogg")),
    ),
    (
        "name--sphinx--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--sphinx--alternating.ogg")),
    ),
    (
        "get-ready--hamstring-strap",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--hamstring-strap.ogg")),
    ),
    (
        "name--hamstring-strap",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--hamstring-strap.ogg")),
    ),
    (
        "get-ready--hamstring-strap--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--hamstring-strap--left.ogg")),
    ),
    (
        "name--hamstring-strap--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--hamstring-strap--left.ogg")),
    ),
    (
        "get-ready--hamstring-strap--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--hamstring-strap--alternating.ogg")),
    ),
    (
        "name--hamstring-strap--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--hamstring-strap--alternating.ogg")),
    ),
    (
        "get-ready--piriformis-figure-4",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--piriformis-figure-4.ogg")),
    ),
    (
        "name--piriformis-figure-4",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--piriformis-figure-4.ogg")),
    ),
    (
        "get-ready--piriformis-figure-4--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--piriformis-figure-4--left.ogg")),
    ),
    (
        "name--piriformis-figure-4--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--piriformis-figure-4--left.ogg")),
    ),
    (
        "get-ready--piriformis-figure-4--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--piriformis-figure-4--alternating.ogg")),
    ),
    (
        "name--piriformis-figure-4--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--piriformis-figure-4--alternating.ogg")),
    ),
    (
        "get-ready--kneeling-hip-flexor",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--kneeling-hip-flexor.ogg")),
    ),
    (
        "name--kneeling-hip-flexor",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--kneeling-hip-flexor.ogg")),
    ),
    (
        "get-ready--kneeling-hip-flexor--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--kneeling-hip-flexor--left.ogg")),
    ),
    (
        "name--kneeling-hip-flexor--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--kneeling-hip-flexor--left.ogg")),
    ),
    (
        "get-ready--kneeling-hip-flexor--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--kneeling-hip-flexor--alternating.ogg")),
    ),
    (
        "name--kneeling-hip-flexor--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--kneeling-hip-flexor--alternating.ogg")),
    ),
    (
        "get-ready--ball-wall-glutes",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-wall-glutes.ogg")),
    ),
    (
        "name--ball-wall-glutes",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-wall-glutes.ogg")),
    ),
    (
        "get-ready--ball-wall-glutes--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-wall-glutes--left.ogg")),
    ),
    (
        "name--ball-wall-glutes--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-wall-glutes--left.ogg")),
    ),
    (
        "get-ready--ball-wall-glutes--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-wall-glutes--alternating.ogg")),
    ),
    (
        "name--ball-wall-glutes--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-wall-glutes--alternating.ogg")),
    ),
    (
        "get-ready--ball-floor-buttock",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-floor-buttock.ogg")),
    ),
    (
        "name--ball-floor-buttock",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-floor-buttock.ogg")),
    ),
    (
        "get-ready--ball-floor-buttock--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-floor-buttock--left.ogg")),
    ),
    (
        "name--ball-floor-buttock--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-floor-buttock--left.ogg")),
    ),
    (
        "get-ready--ball-floor-buttock--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-floor-buttock--alternating.ogg")),
    ),
    (
        "name--ball-floor-buttock--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-floor-buttock--alternating.ogg")),
    ),
    (
        "get-ready--ball-wall-low-back",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-wall-low-back.ogg")),
    ),
    (
        "name--ball-wall-low-back",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-wall-low-back.ogg")),
    ),
    (
        "get-ready--ball-wall-low-back--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-wall-low-back--left.ogg")),
    ),
    (
        "name--ball-wall-low-back--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-wall-low-back--left.ogg")),
    ),
    (
        "get-ready--ball-wall-low-back--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-wall-low-back--alternating.ogg")),
    ),
    (
        "name--ball-wall-low-back--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-wall-low-back--alternating.ogg")),
    ),
    (
        "get-ready--ball-wall-upper-back",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-wall-upper-back.ogg")),
    ),
    (
        "name--ball-wall-upper-back",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-wall-upper-back.ogg")),
    ),
    (
        "get-ready--ball-wall-upper-back--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-wall-upper-back--left.ogg")),
    ),
    (
        "name--ball-wall-upper-back--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-wall-upper-back--left.ogg")),
    ),
    (
        "get-ready--ball-wall-upper-back--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--ball-wall-upper-back--alternating.ogg")),
    ),
    (
        "name--ball-wall-upper-back--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--ball-wall-upper-back--alternating.ogg")),
    ),
    (
        "get-ready--roller-upper-back",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-upper-back.ogg")),
    ),
    (
        "name--roller-upper-back",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-upper-back.ogg")),
    ),
    (
        "get-ready--roller-upper-back--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-upper-back--left.ogg")),
    ),
    (
        "name--roller-upper-back--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-upper-back--left.ogg")),
    ),
    (
        "get-ready--roller-upper-back--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-upper-back--alternating.ogg")),
    ),
    (
        "name--roller-upper-back--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-upper-back--alternating.ogg")),
    ),
    (
        "get-ready--roller-glutes",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-glutes.ogg")),
    ),
    (
        "name--roller-glutes",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-glutes.ogg")),
    ),
    (
        "get-ready--roller-glutes--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-glutes--left.ogg")),
    ),
    (
        "name--roller-glutes--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-glutes--left.ogg")),
    ),
    (
        "get-ready--roller-glutes--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-glutes--alternating.ogg")),
    ),
    (
        "name--roller-glutes--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-glutes--alternating.ogg")),
    ),
    (
        "get-ready--roller-hamstrings",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-hamstrings.ogg")),
    ),
    (
        "name--roller-hamstrings",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-hamstrings.ogg")),
    ),
    (
        "get-ready--roller-hamstrings--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-hamstrings--left.ogg")),
    ),
    (
        "name--roller-hamstrings--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-hamstrings--left.ogg")),
    ),
    (
        "get-ready--roller-hamstrings--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-hamstrings--alternating.ogg")),
    ),
    (
        "name--roller-hamstrings--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-hamstrings--alternating.ogg")),
    ),
    (
        "get-ready--roller-hip-front",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-hip-front.ogg")),
    ),
    (
        "name--roller-hip-front",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-hip-front.ogg")),
    ),
    (
        "get-ready--roller-hip-front--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-hip-front--left.ogg")),
    ),
    (
        "name--roller-hip-front--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-hip-front--left.ogg")),
    ),
    (
        "get-ready--roller-hip-front--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--roller-hip-front--alternating.ogg")),
    ),
    (
        "name--roller-hip-front--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--roller-hip-front--alternating.ogg")),
    ),
    (
        "get-ready--stick-thigh",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--stick-thigh.ogg")),
    ),
    (
        "name--stick-thigh",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--stick-thigh.ogg")),
    ),
    (
        "get-ready--stick-thigh--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--stick-thigh--left.ogg")),
    ),
    (
        "name--stick-thigh--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--stick-thigh--left.ogg")),
    ),
    (
        "get-ready--stick-thigh--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--stick-thigh--alternating.ogg")),
    ),
    (
        "name--stick-thigh--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--stick-thigh--alternating.ogg")),
    ),
    (
        "get-ready--stick-calf",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--stick-calf.ogg")),
    ),
    (
        "name--stick-calf",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--stick-calf.ogg")),
    ),
    (
        "get-ready--stick-calf--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--stick-calf--left.ogg")),
    ),
    (
        "name--stick-calf--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--stick-calf--left.ogg")),
    ),
    (
        "get-ready--stick-calf--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--stick-calf--alternating.ogg")),
    ),
    (
        "name--stick-calf--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--stick-calf--alternating.ogg")),
    ),
    (
        "get-ready--hands-glutes",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--hands-glutes.ogg")),
    ),
    (
        "name--hands-glutes",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--hands-glutes.ogg")),
    ),
    (
        "get-ready--hands-glutes--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--hands-glutes--left.ogg")),
    ),
    (
        "name--hands-glutes--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--hands-glutes--left.ogg")),
    ),
    (
        "get-ready--hands-glutes--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--hands-glutes--alternating.ogg")),
    ),
    (
        "name--hands-glutes--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--hands-glutes--alternating.ogg")),
    ),
    (
        "get-ready--knuckles-beside-spine",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--knuckles-beside-spine.ogg")),
    ),
    (
        "name--knuckles-beside-spine",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--knuckles-beside-spine.ogg")),
    ),
    (
        "get-ready--knuckles-beside-spine--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--knuckles-beside-spine--left.ogg")),
    ),
    (
        "name--knuckles-beside-spine--left",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--knuckles-beside-spine--left.ogg")),
    ),
    (
        "get-ready--knuckles-beside-spine--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/get-ready--knuckles-beside-spine--alternating.ogg")),
    ),
    (
        "name--knuckles-beside-spine--alternating",
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/voice/clips/name--knuckles-beside-spine--alternating.ogg")),
    ),
];
