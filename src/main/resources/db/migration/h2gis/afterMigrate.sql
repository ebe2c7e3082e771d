-- Runs after every Flyway migrate on H2GIS. H2 writes a commit to the file only after WRITE_DELAY (500 ms by
-- default), so a process killed within that window loses work it already acknowledged (an accepted upload, a
-- status change). Write each commit at once; the cost is one small file write per transaction.
SET WRITE_DELAY 0;
