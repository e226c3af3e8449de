-- An administrator disables an account (an official who left, say) rather than deleting it: the official record
-- goes on naming its acts, and it signs in no more.
ALTER TABLE accounts ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
