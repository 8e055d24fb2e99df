-- The date a document was formed (issue 18 point 3). 案卷制作规范第八条 arranges documents "按照行政执法
-- 程序和文书材料形成时间", and the catalogue order of 第九条、第十条 is one allowed arrangement
-- ("可按照"): a file in the order of its documents' dates is arranged rightly too. Null = not given.
alter table file_document add column formed_on date;
