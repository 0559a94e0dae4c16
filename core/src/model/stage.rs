//! A stage's one vocabulary: its key in URLs and form values, its name from the
//! process, and its colour. Every page, form and export speaks it.

use super::{Process, Stage, StepId};

impl Stage {
    /// The stage in URLs and form values: `s3` for step 3 (by id, so it survives a
    /// rename or a reorder), `won`, `lost`.
    pub fn key(self) -> String {
        match self {
            Stage::Step(id) => id.key(),
            Stage::Won => "won".into(),
            Stage::Lost => "lost".into(),
        }
    }

    /// The stage written by [`Stage::key`]; `None` for anything else.
    pub fn parse(key: &str) -> Option<Stage> {
        match key {
            "won" => Some(Stage::Won),
            "lost" => Some(Stage::Lost),
            _ => StepId::parse(key).map(Stage::Step),
        }
    }

    /// The stage's name: the step's name in the process ("(removed step)" for one no
    /// longer in it), Won or Lost.
    pub fn name(self, process: &Process) -> &str {
        match self {
            Stage::Step(id) => process.name(id),
            Stage::Won => "Won",
            Stage::Lost => "Lost",
        }
    }

    /// The stage's colour, for every place a stage is drawn.
    pub fn tone(self, process: &Process) -> Tone {
        let place = match self {
            Stage::Step(id) => process.position(id),
            _ => None,
        };
        self.tone_at(place)
    }

    /// The colour when the step's place in the process (0 = first) is already known, as
    /// in a list of columns; `place` means nothing for Won and Lost.
    pub fn tone_at(self, place: Option<usize>) -> Tone {
        match self {
            Stage::Step(_) => Tone::of_place(place),
            Stage::Won => Tone::Won,
            Stage::Lost => Tone::Lost,
        }
    }
}

impl StepId {
    /// `s3`: the step in URLs and form values.
    pub fn key(self) -> String {
        format!("s{}", self.0)
    }

    pub fn parse(key: &str) -> Option<StepId> {
        let digits = key.strip_prefix('s')?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().map(StepId)
    }
}

/// One colour vocabulary for stages, by a step's place in the process: eight step
/// colours (`s1`…`s8`, repeating after eight steps), the neutral last one for a removed
/// step, and Won and Lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    /// 1…8.
    Step(u8),
    Won,
    Lost,
}

impl Tone {
    /// The tone of the step at `place` (0 = first); `None` for a removed step.
    pub fn of_place(place: Option<usize>) -> Tone {
        Tone::Step(place.map_or(8, |p| (p % 8) as u8 + 1))
    }

    /// The CSS class: `s1`…`s8`, `won`, `lost`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Step(n) => ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"]
                .get(usize::from(n.clamp(1, 8) - 1))
                .copied()
                .unwrap_or("s8"),
            Tone::Won => "won",
            Tone::Lost => "lost",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_names_and_tones_follow_the_process() {
        let mut process = Process::default();
        for stage in [Stage::Step(StepId(3)), Stage::Won, Stage::Lost] {
            assert_eq!(Stage::parse(&stage.key()), Some(stage));
        }
        assert_eq!(Stage::Step(StepId(12)).key(), "s12");
        for bad in ["s", "s-1", "sx", "step-3", "S3", "", "won "] {
            assert_eq!(Stage::parse(bad), None, "{bad}");
        }
        assert_eq!(Stage::Step(StepId(5)).name(&process), "Proposal");
        assert_eq!(Stage::Won.name(&process), "Won");
        assert_eq!(Stage::Step(StepId(99)).name(&process), "(removed step)");
        // The colour follows the place, not the id: move Proposal first and it is s1.
        assert_eq!(Stage::Step(StepId(5)).tone(&process).as_str(), "s5");
        let proposal = process.steps.remove(4);
        process.steps.insert(0, proposal);
        assert_eq!(Stage::Step(StepId(5)).tone(&process).as_str(), "s1");
        assert_eq!(Stage::Step(StepId(99)).tone(&process).as_str(), "s8");
        assert_eq!(Stage::Lost.tone(&process).as_str(), "lost");
        assert_eq!(Tone::of_place(Some(9)).as_str(), "s2");
    }
}
