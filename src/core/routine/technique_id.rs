//! The name of every technique this version knows, as a type: [`TechniqueId`].
//!
//! Routine files, history and clip ids spell a technique as a kebab-case key
//! (`"single-knee-to-chest"`); that key is read into a [`TechniqueId`] once, where text comes in
//! (the routine file reader, the editor's catalogue), and everything past that point matches on
//! the id. The tables that must cover every technique — the registry
//! ([`super::technique::all`]), how its name is said ([`crate::core::voice::spoken_name`]) and
//! its figure ([`crate::core::figure::library`]) — match it exhaustively, with no catch-all arm,
//! so a technique added here without its entry in each of them does not compile.
//!
//! A key this version does not know (written by a newer Unknot) is kept as it was written in a
//! [`TechniqueRef::Unknown`], so such a file still reads and saves unchanged.

use serde::{Deserialize, Serialize};

/// Declares [`TechniqueId`] with each variant's file key, written once.
macro_rules! technique_ids {
    ($($(#[$doc:meta])* $variant:ident => $key:literal,)*) => {
        /// A technique this version knows. Serialised as its key, the same kebab-case text
        /// routine files use (`"piriformis-figure-4"`).
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        pub enum TechniqueId {
            $($(#[$doc])* #[serde(rename = $key)] $variant,)*
        }

        impl TechniqueId {
            /// Every id, in the registry's order (the order the catalogue lists them).
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// The key routine files, history and clip ids use.
            #[must_use]
            pub const fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => $key,)*
                }
            }

            /// The id with this key, if this version knows it.
            #[must_use]
            pub fn from_key(key: &str) -> Option<Self> {
                match key {
                    $($key => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

technique_ids! {
    /// Single knee-to-chest.
    SingleKneeToChest => "single-knee-to-chest",
    /// Double knee-to-chest.
    DoubleKneeToChest => "double-knee-to-chest",
    /// Knee rolls, held to each side.
    KneeRolls => "knee-rolls",
    /// Knee rolls, side to side.
    KneeRollsAlternating => "knee-rolls-alternating",
    /// Pelvic tilt.
    PelvicTilt => "pelvic-tilt",
    /// Glute bridge.
    GluteBridge => "glute-bridge",
    /// Abdominal brace.
    AbdominalBrace => "abdominal-brace",
    /// The curl-up.
    CurlUp => "curl-up",
    /// Side bridge with the knees bent.
    SideBridge => "side-bridge",
    /// Bird-dog.
    BirdDog => "bird-dog",
    /// Dead bug.
    DeadBug => "dead-bug",
    /// Cat-cow.
    CatCow => "cat-cow",
    /// Child's pose.
    ChildsPose => "childs-pose",
    /// Sphinx.
    Sphinx => "sphinx",
    /// Hamstring stretch with a strap.
    HamstringStrap => "hamstring-strap",
    /// Figure-4 stretch lying on the back.
    PiriformisFigure4 => "piriformis-figure-4",
    /// Kneeling hip flexor stretch.
    KneelingHipFlexor => "kneeling-hip-flexor",
    /// Seated spinal twist, on a chair.
    SeatedSpinalTwist => "seated-spinal-twist",
    /// Seated back extension, on a chair.
    SeatedBackExtension => "seated-back-extension",
    /// Standing back extension.
    StandingBackExtension => "standing-back-extension",
    /// Seated cat-camel, on a chair.
    SeatedCatCamel => "seated-cat-camel",
    /// Seated hamstring stretch, on a chair.
    SeatedHamstring => "seated-hamstring",
    /// Seated figure-4 stretch, on a chair.
    SeatedFigure4 => "seated-figure-4",
    /// Standing hip flexor stretch, one knee on a chair.
    StandingHipFlexor => "standing-hip-flexor",
    /// Chin tuck (chin glide).
    ChinTuck => "chin-tuck",
    /// Shoulder-blade squeeze.
    ShoulderBladeSqueeze => "shoulder-blade-squeeze",
    /// Shoulder rolls.
    ShoulderRolls => "shoulder-rolls",
    /// Hip hinge with the hands on a desk.
    DeskHipHinge => "desk-hip-hinge",
    /// Abdominal brace, standing.
    StandingBrace => "standing-brace",
    /// Shoulder rolls, standing.
    StandingShoulderRolls => "standing-shoulder-rolls",
    /// Ball against a wall: glutes.
    BallWallGlutes => "ball-wall-glutes",
    /// Ball on the floor under the buttock.
    BallFloorButtock => "ball-floor-buttock",
    /// Ball against a wall beside the low back.
    BallWallLowBack => "ball-wall-low-back",
    /// Ball against a wall by the shoulder blade.
    BallWallUpperBack => "ball-wall-upper-back",
    /// Foam roller: upper back.
    RollerUpperBack => "roller-upper-back",
    /// Foam roller: glutes.
    RollerGlutes => "roller-glutes",
    /// Foam roller: hamstrings.
    RollerHamstrings => "roller-hamstrings",
    /// Foam roller: front of the hip and thigh.
    RollerHipFront => "roller-hip-front",
    /// Massage stick: thigh.
    StickThigh => "stick-thigh",
    /// Massage stick: calf.
    StickCalf => "stick-calf",
    /// Hands: knead the glutes.
    HandsGlutes => "hands-glutes",
    /// Knuckles beside the spine.
    KnucklesBesideSpine => "knuckles-beside-spine",
    /// Rest and breathe.
    RestAndBreathe => "rest-and-breathe",
}

/// The technique a step names, as its file spells it: one this version knows, or a key it does
/// not, kept as written. Made only by [`TechniqueRef::parse`] (or from a [`TechniqueId`]), so
/// an unknown key never spells a known one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TechniqueRef {
    /// A technique in this version's registry.
    Known(TechniqueId),
    /// A key this version does not know (from a newer Unknot); the step writes out every field.
    Unknown(UnknownKey),
}

/// A technique key no [`TechniqueId`] has, as written in a file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownKey(String);

impl UnknownKey {
    /// The key as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TechniqueRef {
    /// Reads a key as written in a file.
    #[must_use]
    pub fn parse(key: &str) -> Self {
        TechniqueId::from_key(key)
            .map_or_else(|| Self::Unknown(UnknownKey(key.to_owned())), Self::Known)
    }

    /// The key as files spell it.
    #[must_use]
    pub fn key(&self) -> &str {
        match self {
            Self::Known(id) => id.key(),
            Self::Unknown(key) => key.as_str(),
        }
    }

    /// The id, when this version knows the technique.
    #[must_use]
    pub fn known(&self) -> Option<TechniqueId> {
        match self {
            Self::Known(id) => Some(*id),
            Self::Unknown(_) => None,
        }
    }
}

impl From<TechniqueId> for TechniqueRef {
    fn from(id: TechniqueId) -> Self {
        Self::Known(id)
    }
}

impl PartialEq<TechniqueId> for TechniqueRef {
    fn eq(&self, other: &TechniqueId) -> bool {
        self.known() == Some(*other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_reads_back_to_its_id_and_keys_are_unique() {
        for &id in TechniqueId::ALL {
            assert_eq!(TechniqueId::from_key(id.key()), Some(id));
            assert_eq!(TechniqueRef::parse(id.key()), TechniqueRef::Known(id));
        }
        let mut keys: Vec<&str> = TechniqueId::ALL.iter().map(|id| id.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), TechniqueId::ALL.len());
    }

    #[test]
    fn serde_spells_an_id_as_its_file_key() {
        let id = TechniqueId::PiriformisFigure4;
        let text =
            toml::to_string(&std::collections::BTreeMap::from([("t", id)])).expect("serialises");
        assert_eq!(text.trim(), "t = \"piriformis-figure-4\"");
        let back: std::collections::BTreeMap<String, TechniqueId> =
            toml::from_str(&text).expect("parses");
        assert_eq!(back["t"], id);
        assert!(
            toml::from_str::<std::collections::BTreeMap<String, TechniqueId>>("t = \"yoga\"")
                .is_err()
        );
    }

    #[test]
    fn an_unknown_key_is_kept_as_written() {
        let future = TechniqueRef::parse("future-move");
        assert_eq!(future.key(), "future-move");
        assert_eq!(future.known(), None);
        assert!(future != TechniqueId::Sphinx);
        assert!(TechniqueRef::parse("sphinx") == TechniqueId::Sphinx);
    }
}
