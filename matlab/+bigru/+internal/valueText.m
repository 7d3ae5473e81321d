function [kind, text] = valueText(v)
%VALUETEXT  A value as it crosses to the Java side, which checks it (internal): its kind and its text.
%   Kinds: 'text' (a character row or a string scalar), 'number' (a real numeric scalar, written with 17
%   significant digits, which give it back exactly), 'numbers' (a real numeric vector, its numbers so written,
%   comma-separated), 'list' (a cell array of character rows or a string array, one a line), 'logical' (a logical
%   scalar), 'empty', and 'other', whose text says what it is for messages ('a 1-by-2 struct').
if isa(v, 'string') && isscalar(v)
  v = char(v);
end
if ischar(v) && size(v, 1) <= 1
  kind = 'text';
  text = v;
elseif isempty(v) && ~isa(v, 'string')
  kind = 'empty';
  text = '';
elseif islogical(v) && isscalar(v)
  kind = 'logical';
  text = mat2str(v);
elseif isnumeric(v) && isscalar(v) && isreal(v)
  kind = 'number';
  text = sprintf('%.17g', double(v));
elseif isnumeric(v) && isvector(v) && isreal(v)
  kind = 'numbers';
  text = strjoin(arrayfun(@(x) sprintf('%.17g', x), double(v(:))', 'UniformOutput', false), ',');
elseif (iscellstr(v) && isvector(v) && all(cellfun(@(c) size(c, 1) <= 1, v))) || (isa(v, 'string') && isvector(v))
  kind = 'list';
  text = strjoin(cellstr(v(:))', sprintf('\n'));
elseif isnumeric(v) && isscalar(v)
  kind = 'other';
  text = 'a complex number';
else
  kind = 'other';
  text = sprintf('a %s %s', strjoin(arrayfun(@num2str, size(v), 'UniformOutput', false), '-by-'), class(v));
end
end
