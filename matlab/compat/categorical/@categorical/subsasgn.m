function c = subsasgn(c, s, value)
%SUBSASGN  c(i) = value, with a categorical, a string or a cell array of strings (a new name becomes a new
%   category, as in MATLAB); c(i) = [] removes elements.
if numel(s) ~= 1 || ~strcmp(s.type, '()')
  error('categorical:index', 'a categorical array is assigned with c(i) = value');
end
if isnumeric(value) && isempty(value)
  c.codes(s.subs{:}) = [];
  return
end
[text, undefined] = labelText(value);
added = unique(text(~undefined & ~ismember(text, c.names)), 'stable');
c.names = [c.names; added(:)];
[~, codes] = ismember(text, c.names);
codes(undefined) = 0;
c.codes(s.subs{:}) = codes;
end
