function c = combine(dim, parts)
%COMBINE  Concatenates categoricals (and strings or cell arrays of strings) along DIM: the categories of the
%   first categorical, then the new names in order of appearance.
first = find(cellfun(@(p) isa(p, 'categorical'), parts), 1);
c = parts{first};
names = c.names;
codes = cell(size(parts));
for k = 1:numel(parts)
  [text, undefined] = labelText(parts{k});
  added = unique(text(~undefined & ~ismember(text, names)), 'stable');
  names = [names; added(:)];
  [~, codes{k}] = ismember(text, names);
  codes{k}(undefined) = 0;
end
c.names = names;
c.codes = double(cat(dim, codes{:}));
end
