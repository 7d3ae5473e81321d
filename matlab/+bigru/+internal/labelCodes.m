function [codes, names, kind, orientation] = labelCodes(Y, argument, fname, names)
%LABELCODES  Class codes (1-based, NaN for a missing label) and class names of a label vector (internal).
%   Y: categorical (MATLAB), numeric or logical, cell array of strings, or string array. The class names
%   are the categories of a categorical, else the distinct labels sorted (as categorical would sort them);
%   numbers are named with 17 significant digits so that they come back exactly. Given NAMES (the training
%   classes), the labels are coded against them and a label outside them is an error.
if ~isvector(Y) && ~isempty(Y)
  bigru.internal.fail(fname, 'invalidTargets', '%s must be a vector of labels, not a %s array', argument, ...
        strjoin(arrayfun(@num2str, size(Y), 'UniformOutput', false), '-by-'));
end
orientation = 'column';
if size(Y, 1) == 1 && numel(Y) > 1
  orientation = 'row';
end
if isa(Y, 'categorical')
  kind = 'categorical';
  if nargin < 4
    names = categories(Y);
    codes = double(Y(:));
    return
  end
  text = cellstr(Y(:));
  text(isundefined(Y(:))) = {''};
elseif isnumeric(Y) || islogical(Y)
  kind = class(Y);
  if ~isreal(Y)
    bigru.internal.fail(fname, 'invalidTargets', '%s must hold real labels', argument);
  end
  v = double(Y(:));
  text = arrayfun(@(x) sprintf('%.17g', x), v, 'UniformOutput', false);
  text(isnan(v)) = {''};
  if nargin < 4
    names = arrayfun(@(x) sprintf('%.17g', x), unique(v(~isnan(v))), 'UniformOutput', false);
  end
elseif iscellstr(Y) || isa(Y, 'string')
  kind = class(Y);
  if isa(Y, 'string')
    text = cellstr(Y(:));
  else
    text = Y(:);
  end
  if nargin < 4
    names = unique(text(~cellfun(@isempty, text)));
  end
else
  bigru.internal.fail(fname, 'invalidTargets', ['%s must hold labels: a categorical, numeric or logical vector, ' ...
        'or a cell array of strings, not a %s'], argument, class(Y));
end
names = names(:);
[known, codes] = ismember(text, names);
codes = double(codes(:));
codes(cellfun(@isempty, text)) = NaN;
unknown = find(~known & ~cellfun(@isempty, text), 1);
if ~isempty(unknown)
  bigru.internal.fail(fname, 'invalidTargets', '%s(%d) is ''%s'', which is not one of the classes the network was trained on', ...
        argument, unknown, text{unknown});
end
end
