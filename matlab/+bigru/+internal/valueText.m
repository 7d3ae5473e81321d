function [kind, text] = valueText(v)
%VALUETEXT  A value as it crosses to the Java side, which checks it (internal): its kind and its text.
%   Kinds: 'text' (a character row or a string scalar), 'number' (a real numeric scalar, written with 17
%   significant digits, which give it back exactly), 'logical' (a logical scalar), 'empty', and 'other', whose
%   text says what it is for messages ('a 1-by-2 cell').
if isa(v, 'string') && isscalar(v)
  v = char(v);
end
if ischar(v) && size(v, 1) <= 1
  kind = 'text';
  text = v;
elseif isempty(v)
  kind = 'empty';
  text = '';
elseif islogical(v) && isscalar(v)
  kind = 'logical';
  text = mat2str(v);
elseif isnumeric(v) && isscalar(v) && isreal(v)
  kind = 'number';
  text = sprintf('%.17g', double(v));
elseif isnumeric(v) && isscalar(v)
  kind = 'other';
  text = 'a complex number';
else
  kind = 'other';
  text = sprintf('a %s %s', strjoin(arrayfun(@num2str, size(v), 'UniformOutput', false), '-by-'), class(v));
end
end
