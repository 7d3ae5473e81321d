function varargout = lstmLayer(varargin)
%LSTMLAYER  bigru.lstmLayer under MATLAB's unqualified name; see help bigru.lstmLayer.
[varargout{1:max(nargout, 1)}] = bigru.lstmLayer(varargin{:});
end
