-- The completeness check's outcome kept on the file, so the case-file list can filter and page by
-- it (computing it per row would read every file's documents). The service rewrites it on every
-- write to the file; a change elsewhere that can alter it (the case's cover fields or handlers, the
-- county's requirement rules) sets it back to null, and the list recomputes null ones before it
-- filters. Existing files start null (unchecked) and are checked on first listing.
alter table case_file add column check_passes boolean;
alter table case_file add column check_finding_count integer;
