//! Writes the contact sheet of every figure as one SVG (`cargo run --example figure_sheet >
//! docs/figures.svg`), or with a folder argument, one SVG per figure and pose into it.

use unknot::core::figure::{Stage, library, svg};
use unknot::core::routine::model::Side;

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args().nth(1) else {
        print!("{}", svg::contact_sheet());
        return Ok(());
    };
    for technique in unknot::core::routine::technique::all() {
        let figure = library::for_technique(technique.id);
        let frame = figure.frame();
        let side = unknot::core::figure::first_side(technique.sides);
        let mut poses = vec![figure.moment(Stage::Ready).pose];
        poses.extend(figure.keys.iter().map(|k| k.pose));
        for (i, pose) in poses.iter().enumerate() {
            let scene = figure.scene(pose, side);
            let text = svg::figure_svg(&scene, &frame, &figure.describe(side), 300.0);
            std::fs::write(format!("{dir}/{}-{i}.svg", technique.key()), text)?;
        }
        let scene = figure.scene(figure.held(), Some(Side::Right));
        let text = svg::figure_svg(&scene, &frame, "", 300.0);
        std::fs::write(format!("{dir}/{}-r.svg", technique.key()), text)?;
    }
    Ok(())
}
