//! The printable routine sheet (`unknot sheet`): one HTML page with each step's figure (the
//! same geometry as the screen, as inline SVG), its dose and sides, what to do and what to
//! watch for, the stop rule, the red flags and the sources. Self-contained (no scripts, no
//! fonts or images to fetch), laid out for A4 or Letter and readable from a wall.
//!
//! Pure: the caller fits the routine and writes the file.

use std::fmt::Write as _;

use crate::core::content::{
    self, RED_FLAGS_EMERGENCY, RED_FLAGS_EMERGENCY_HEADING, RED_FLAGS_SOURCES, RED_FLAGS_URGENT,
    RED_FLAGS_URGENT_HEADING, SELF_MASSAGE_SAFETY, STOP_RULE_HEADING,
};
use crate::core::figure::first_side;
use crate::core::figure::library::for_step;
use crate::core::figure::svg::{escape, figure_svg};
use crate::core::fit::Fitted;
use crate::core::plan::{self, Timing};
use crate::core::routine::model::{Sides, StepKind};
use crate::core::routine::{Routine, STOP_RULE};

/// Width of a step's figure on the page, in CSS pixels (half the page, less the card's edges).
const FIGURE_WIDTH: f32 = 320.0;

const STYLE: &str = "\
@page { size: A4; margin: 10mm 12mm; }
body { font: 12.5pt/1.3 system-ui, sans-serif; color: #1d232b; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 20pt; margin: 0; }
.meta { color: #4a5360; margin: 0 0 4pt; }
.summary { margin: 0 0 4pt; }
.stop { border: 2pt solid #b0231a; padding: 3pt 8pt; margin: 4pt 0 6pt; break-inside: avoid; }
.stop h2 { display: inline; font-size: 12.5pt; margin: 0; }
.stop p { display: inline; margin: 0; }
.flags h2 { font-size: 11.5pt; margin: 0 0 1pt; }
ol.steps { list-style: none; padding: 0; margin: 0; display: grid; \
grid-template-columns: 1fr 1fr; gap: 6pt 8pt; }
ol.steps li { box-sizing: border-box; font-size: 11pt; break-inside: avoid; \
page-break-inside: avoid; border: 1pt solid #c6ccd4; border-radius: 6pt; padding: 5pt 8pt; }
.step h2 { font-size: 13.5pt; margin: 0; }
.step p { margin: 3pt 0; }
.dose { font-weight: 600; }
.figure { text-align: center; }
.figure svg { display: inline-block; margin: 0; max-width: 100%; max-height: 30mm; \
width: auto; height: auto; }
.watch { color: #6b4500; }
.flags { margin-top: 8pt; font-size: 10pt; line-height: 1.25; column-count: 2; column-gap: 14pt; }
.flags h2 { break-after: avoid; }
.flags ul { margin: 1pt 0 4pt; padding-left: 14pt; }
.flags li { break-inside: avoid; }
.sources { font-size: 8.5pt; color: #4a5360; margin-top: 6pt; }
@media screen { body { padding: 12pt; } }
";

/// What sides a step is done on, in words for the page.
fn sides_words(sides: Sides) -> &'static str {
    match sides {
        Sides::None => "",
        Sides::Each => "Left side first, then right.",
        Sides::Alternate => "Left and right in turn.",
    }
}

/// The whole sheet for `routine` as fitted (`fitted` is what the app would run), at `timing`.
#[must_use]
#[expect(
    clippy::too_many_lines,
    reason = "the page is written top to bottom in the order it prints"
)]
pub fn sheet_html(routine: &Routine, fitted: &Fitted, timing: Timing) -> String {
    let shown = &fitted.run;
    let total = plan::steps_secs(shown.steps(), timing);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{name}</title><style>{STYLE}</style></head><body>\n\
         <h1>{name}</h1><p class=\"meta\">{steps} steps · about {length} with the pauses · \
         made with Unknot</p>\n",
        name = escape(routine.name().trim()),
        steps = shown.steps().len(),
        length = crate::core::history::figures::duration_text(u64::from(total)),
    );
    if !routine.summary().trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"summary\">{}</p>",
            escape(routine.summary().trim())
        );
    }
    let _ = writeln!(
        out,
        "<div class=\"stop\"><h2>{}:</h2> <p>{}</p></div>",
        escape(STOP_RULE_HEADING),
        escape(STOP_RULE)
    );
    out.push_str("<ol class=\"steps\">\n");
    let mut sources: Vec<&'static str> = Vec::new();
    for (index, step) in shown.steps().iter().enumerate() {
        let figure = for_step(step);
        // One-sided steps are drawn for the side they start on.
        let side = first_side(step.sides);
        let poses = figure.printed_poses();
        let width = FIGURE_WIDTH / poses.len() as f32;
        let svg: String = poses
            .iter()
            .map(|pose| {
                let scene = figure.scene(pose, side);
                figure_svg(&scene, &figure.frame(), &figure.describe(side), width)
            })
            .collect();
        let _ = write!(
            out,
            "<li class=\"step\"><h2>{number}. {name}</h2>\
             <p class=\"dose\">{dose}</p><div class=\"figure\">{svg}</div>",
            number = index + 1,
            name = escape(step.name.trim()),
            dose = escape(&step.dose_words()),
        );
        let sides = sides_words(step.sides);
        if !sides.is_empty() {
            let _ = write!(out, "<p>{sides}</p>");
        }
        if !step.instructions.trim().is_empty() {
            let _ = write!(out, "<p>{}</p>", escape(step.instructions.trim()));
        }
        if !step.caution.trim().is_empty() {
            let _ = write!(
                out,
                "<p class=\"watch\">Watch for: {}</p>",
                escape(step.caution.trim())
            );
        }
        out.push_str("</li>\n");
        if let Some(t) = step.known_technique() {
            sources.extend(t.sources.iter().copied());
        }
    }
    out.push_str("</ol>\n<div class=\"flags\">");
    if shown
        .steps()
        .iter()
        .any(|s| s.kind == StepKind::SelfMassage)
    {
        out.push_str("<h2>Self-massage safety</h2><ul>");
        for line in SELF_MASSAGE_SAFETY {
            let _ = write!(out, "<li>{}</li>", escape(line));
        }
        out.push_str("</ul>");
    }
    for (heading, flags) in [
        (RED_FLAGS_EMERGENCY_HEADING, RED_FLAGS_EMERGENCY),
        (RED_FLAGS_URGENT_HEADING, RED_FLAGS_URGENT),
    ] {
        let _ = write!(out, "<h2>{}</h2><ul>", escape(heading));
        for flag in flags {
            let _ = write!(out, "<li>{}</li>", escape(flag));
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>\n");
    sources.extend(RED_FLAGS_SOURCES.iter().copied());
    let mut seen = Vec::new();
    let cited: Vec<String> = sources
        .into_iter()
        .filter(|key| {
            let new = !seen.contains(key);
            seen.push(*key);
            new
        })
        .filter_map(content::source)
        .map(|s| escape(s.citation))
        .collect();
    if !cited.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"sources\">Sources: {}</p>",
            cited.join(" · ")
        );
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fit::{LengthChoice, fit};
    use crate::store::builtin;

    fn sheet(id: &str, minutes: Option<u32>) -> String {
        let routine = builtin::find(id).expect("built-in");
        let choice = LengthChoice {
            target_minutes: minutes,
            ..LengthChoice::default()
        };
        let fitted = fit(&routine, &choice, Timing::default());
        sheet_html(&routine, &fitted, Timing::default())
    }

    #[test]
    fn every_step_has_its_figure_dose_and_words() {
        let routine = builtin::find("morning-mobility").expect("built-in");
        let html = sheet("morning-mobility", None);
        for (i, step) in routine.steps().iter().enumerate() {
            assert!(html.contains(&format!("{}. {}", i + 1, escape(&step.name))));
            assert!(html.contains(&escape(&step.dose_words())), "{}", step.name);
            assert!(html.contains(&escape(step.instructions.trim())));
        }
        let figures: usize = routine
            .steps()
            .iter()
            .map(|s| for_step(s).printed_poses().len())
            .sum();
        assert_eq!(html.matches("<svg").count(), figures, "every step's figure");
        assert!(
            html.contains("4 s × 8 each side (16 in all), alternating"),
            "the knee rolls say the count per side and in all"
        );
        assert!(html.contains(&escape(STOP_RULE)));
        for flag in RED_FLAGS_EMERGENCY.iter().chain(RED_FLAGS_URGENT) {
            assert!(html.contains(&escape(flag)), "{flag}");
        }
        assert!(!html.contains("<script"), "nothing runs");
        assert!(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    }

    #[test]
    fn the_sheet_shows_the_fitted_doses() {
        let short = sheet("morning-mobility", Some(5));
        let long = sheet("morning-mobility", Some(15));
        assert_ne!(short, long);
        assert!(short.contains("about 5 min"), "{short:.400}");
    }

    #[test]
    fn self_massage_safety_only_with_self_massage() {
        assert!(sheet("ball-glutes-low-back", None).contains("Self-massage safety"));
        assert!(!sheet("morning-mobility", None).contains("Self-massage safety"));
    }
}
