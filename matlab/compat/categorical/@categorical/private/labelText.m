function [text, undefined] = labelText(x)
%LABELTEXT  The labels of a categorical, a string or a cell array of strings, as a cell array of strings of
%   the same size ('' where undefined), and where they are undefined.
if isa(x, 'categorical')
  undefined = isundefined(x);
  text = cellstr(x);
  text(undefined) = {''};
elseif ischar(x) && size(x, 1) <= 1
  text = {x};
  undefined = isempty(x);
elseif iscellstr(x)
  text = x;
  undefined = cellfun(@isempty, x);
else
  error('categorical:type', ['a categorical array combines with a categorical, a string or a cell array of ' ...
        'strings, not a %s'], class(x));
end
end
