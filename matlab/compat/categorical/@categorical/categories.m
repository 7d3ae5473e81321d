function names = categories(c)
%CATEGORIES  The categories, a column cell array of strings.
names = c.names;
end
