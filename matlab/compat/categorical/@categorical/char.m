function s = char(c)
%CHAR  The category names as a character matrix, one row per element.
s = char(cellstr(c));
end
