"""Building blocks of quote extraction: quoted spans, cue lexicons, speaker frames, pronoun resolution."""
