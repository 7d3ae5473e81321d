function out = subsref(c, s)
%SUBSREF  c(i), c(i, j), c(:): a categorical array with the same categories.
if ~strcmp(s(1).type, '()')
  error('categorical:index', 'a categorical array is indexed with (), not with %s', s(1).type);
end
out = c;
out.codes = c.codes(s(1).subs{:});
if numel(s) > 1
  out = subsref(out, s(2:end));
end
end
