//! Where the app gets the time: the real monotonic clock, or a manual one that tests advance.
//!
//! The session's clock is `std::time::Instant`, never egui's input time, which stands still
//! while the window is minimised. The local wall-clock time (for the history's start times and
//! "today") comes from the same clock, so a manual clock controls both.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A source of the current instant.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> Instant;

    /// The local wall-clock time now, in the person's time zone.
    fn local_now(&self) -> jiff::ZonedDateTime;
}

/// The real monotonic clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn local_now(&self) -> jiff::ZonedDateTime {
        jiff::ZonedDateTime::now()
    }
}

/// A clock that only moves when told to; clones share the same time. Its wall clock starts at
/// [`ManualClock::WALL_START`] in UTC (or where [`ManualClock::starting_at`] says) and moves with it.
#[derive(Clone, Debug)]
pub struct ManualClock {
    start: Instant,
    wall_start: jiff::ZonedDateTime,
    elapsed: Arc<Mutex<Duration>>,
}

impl Default for ManualClock {
    fn default() -> Self {
        Self::new()
    }
}

impl ManualClock {
    /// Where a new manual clock's wall clock stands: Tuesday 1 December 2026, 09:30 UTC.
    pub const WALL_START: jiff::civil::DateTime = jiff::civil::date(2026, 12, 1).at(9, 30, 0, 0);

    /// A clock standing at the moment it was made, its wall clock at [`Self::WALL_START`] UTC.
    #[must_use]
    pub fn new() -> Self {
        Self::starting_at(
            Self::WALL_START
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                // A fixed, valid date in UTC, which has no gaps: this cannot fail.
                .unwrap_or_else(|_| jiff::ZonedDateTime::now()),
        )
    }

    /// A clock whose wall clock starts at `wall` (with its time zone).
    #[must_use]
    pub fn starting_at(wall: jiff::ZonedDateTime) -> Self {
        Self {
            start: Instant::now(),
            wall_start: wall,
            elapsed: Arc::new(Mutex::new(Duration::ZERO)),
        }
    }

    fn elapsed(&self) -> Duration {
        *self.elapsed.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        *self.elapsed.lock().unwrap_or_else(PoisonError::into_inner) += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Instant {
        self.start + self.elapsed()
    }

    fn local_now(&self) -> jiff::ZonedDateTime {
        self.wall_start.saturating_add(self.elapsed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_advanced_and_clones_share_it() {
        let clock = ManualClock::new();
        let twin = clock.clone();
        let t0 = clock.now();
        assert_eq!(clock.now(), t0);
        twin.advance(Duration::from_millis(1500));
        assert_eq!(clock.now() - t0, Duration::from_millis(1500));
        assert_eq!(
            clock.local_now().datetime(),
            ManualClock::WALL_START
                .checked_add(jiff::SignedDuration::from_millis(1500))
                .expect("in range")
        );
    }
}
