function tf = eq(a, b)
%EQ  a == b, element by element, by category name: with a categorical, a string or a cell array of strings.
%   Undefined elements equal nothing. One side may be a single element.
[ta, ua] = labelText(a);
[tb, ub] = labelText(b);
if numel(ta) == 1 && numel(tb) ~= 1
  ta = repmat(ta, size(tb));
  ua = repmat(ua, size(tb));
elseif numel(tb) == 1 && numel(ta) ~= 1
  tb = repmat(tb, size(ta));
  ub = repmat(ub, size(ta));
elseif ~isequal(size(ta), size(tb))
  error('categorical:size', 'categorical ==: the arrays are %s and %s; they must have the same size', ...
        mat2str(size(ta)), mat2str(size(tb)));
end
tf = strcmp(ta, tb) & ~ua & ~ub;
end
