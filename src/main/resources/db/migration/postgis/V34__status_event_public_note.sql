-- A note written for the public (信息公开): the only note anonymous readers see of a site's history.
ALTER TABLE status_event ADD COLUMN public_note VARCHAR(1000);
