function varargout = size(c, varargin)
%SIZE  The size of the array, as size of a numeric array of the same shape.
[varargout{1:max(nargout, 1)}] = size(c.codes, varargin{:});
end
